package cn.scanforhelp.cases.investigation;

/**
 * The virus-scan hook every attachment passes before it is stored. The default ({@link AcceptingScanner})
 * accepts everything; a deployment with a scanner (e.g. ClamAV over its socket) provides its own bean.
 */
public interface AttachmentScanner {

    /** The scanner's answer: clean, or refused with a short reason for the log (never the content). */
    record Verdict(boolean clean, String reason) {
        public static Verdict ok() {
            return new Verdict(true, null);
        }

        public static Verdict infected(String reason) {
            return new Verdict(false, reason);
        }
    }

    Verdict scan(String mediaType, byte[] content);
}
