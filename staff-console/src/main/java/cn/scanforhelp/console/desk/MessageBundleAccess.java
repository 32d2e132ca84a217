package cn.scanforhelp.console.desk;

import cn.scanforhelp.console.web.Chrome;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The desk's texts in the page's language, for messages built in code (notices). */
final class MessageBundleAccess {

    private MessageBundleAccess() {
    }

    static DeskMsg desk(Chrome chrome) {
        return chrome.english() ? MessageBundles.get(DeskMsg.class, Localized.Literal.of("en"))
                : MessageBundles.get(DeskMsg.class);
    }
}
