package cn.scanforhelp.cases.investigation;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** The scanner used when the deployment configures none: accepts every attachment. */
@ApplicationScoped
@DefaultBean
public class AcceptingScanner implements AttachmentScanner {

    @Override
    public Verdict scan(String mediaType, byte[] content) {
        return Verdict.ok();
    }
}
