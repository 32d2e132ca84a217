package cn.scanforhelp.infra.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates made for a test with the JDK's keytool: a CA, a server certificate it signs for localhost and
 * 127.0.0.1 (server and client use), and a self-signed "rogue" one no test trusts. Written as the files the
 * deployment mounts at /etc/sfh/tls (tls.crt, tls.key, ca.crt) and as PKCS12 stores for stand-in servers.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";
    private static TestCertificates made;

    public final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** The certificates of this test run (made once). */
    public static synchronized TestCertificates get() {
        if (made == null) {
            try {
                made = make(Files.createTempDirectory("sfh-tls"));
            } catch (IOException | GeneralSecurityException | InterruptedException e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            }
        }
        return made;
    }

    /** The server's certificate (PEM), as tls.crt. */
    public Path cert() {
        return dir.resolve("tls.crt");
    }

    /** The server's private key (PKCS#8 PEM), as tls.key. */
    public Path key() {
        return dir.resolve("tls.key");
    }

    /** The CA's certificate (PEM), as ca.crt. */
    public Path ca() {
        return dir.resolve("ca.crt");
    }

    /** The server's key and chain as PKCS12 ({@link #PASSWORD}). */
    public Path serverStore() {
        return dir.resolve("server.p12");
    }

    /** A self-signed certificate for localhost that the CA never signed, as PKCS12 ({@link #PASSWORD}). */
    public Path rogueStore() {
        return dir.resolve("rogue.p12");
    }

    private static TestCertificates make(Path d) throws IOException, GeneralSecurityException, InterruptedException {
        String ca = d.resolve("ca.p12").toString();
        String server = d.resolve("server.p12").toString();
        String san = "san=dns:localhost,ip:127.0.0.1";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=sfh test CA",
                "-ext", "bc:c", "-validity", "3", "-keystore", ca);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", d.resolve("ca.crt").toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "3", "-keystore", server);
        keytool("-certreq", "-alias", "server", "-keystore", server, "-file", d.resolve("server.csr").toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-infile", d.resolve("server.csr").toString(),
                "-outfile", d.resolve("tls.crt").toString(), "-validity", "3", "-ext", san,
                "-ext", "eku=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", d.resolve("ca.crt").toString(), "-keystore", server);
        keytool("-importcert", "-alias", "server", "-file", d.resolve("tls.crt").toString(), "-keystore", server);
        keytool("-genkeypair", "-alias", "rogue", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", san, "-validity", "3", "-keystore", d.resolve("rogue.p12").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(d.resolve("server.p12"))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("server", PASSWORD.toCharArray());
        Files.writeString(d.resolve("tls.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificates(d);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
