package cn.scanforhelp.console.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No message bundle of the console grows past 300 messages: Quarkus 3.33 then splits the generated resolver into
 * groups and emits invalid bytecode (quarkusio/quarkus#55584, fixed in a later release), and every page fails at
 * start with a VerifyError. A page with many texts takes a bundle of its own, as the window's, the desk's, the
 * posters', the admin's and the SMS problems' do.
 */
class MessageBundleSizeTest {

    static final int LIMIT = 300;

    @Test
    void everyBundleStaysUnderTheGeneratorsLimit() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("_Bundle") || name.contains("_Bundle_")) {
                    continue; // generated
                }
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (c.isInterface() && c.isAnnotationPresent(MessageBundle.class)) {
                    long n = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class)).count();
                    bundles.add(c.getSimpleName() + " " + n);
                    assertTrue(n <= LIMIT, c.getName() + " has " + n + " messages; split it (limit " + LIMIT + ")");
                }
            }
        }
        assertFalse(bundles.isEmpty(), "no bundle found under " + classes.toAbsolutePath());
        // the count is real (the annotation is read at run time): the shared bundle has a couple of hundred
        assertTrue(bundles.stream().anyMatch(b -> b.matches("Msg [0-9]{3}")), bundles.toString());
    }
}
