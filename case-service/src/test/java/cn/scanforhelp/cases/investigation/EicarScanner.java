package cn.scanforhelp.cases.investigation;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** The tests' virus scanner: refuses anything carrying the EICAR test signature, as a real scanner would. */
@ApplicationScoped
public class EicarScanner implements AttachmentScanner {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Override
    public Verdict scan(String mediaType, byte[] content) {
        String s = new String(content, StandardCharsets.ISO_8859_1);
        return s.contains(EICAR) ? Verdict.infected("EICAR-Test-Signature") : Verdict.ok();
    }
}
