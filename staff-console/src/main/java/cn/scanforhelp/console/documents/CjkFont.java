package cn.scanforhelp.console.documents;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CJK font embedded in the documents (as intake-service's posters do): WenQuanYi Micro Hei from the Debian
 * package {@code fonts-wqy-microhei}, or {@code sfh.documents.font}. Without it the console does not start: a
 * notice without its Chinese text is worse than none.
 */
@Startup
@ApplicationScoped
public class CjkFont {

    static final String PACKAGE = "fonts-wqy-microhei";
    static final List<String> DEFAULT_PATHS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    private final Optional<String> configured;
    private Path file;

    public CjkFont(@ConfigProperty(name = "sfh.documents.font") Optional<String> configured) {
        this.configured = configured;
    }

    @PostConstruct
    void locate() {
        List<String> candidates = new ArrayList<>();
        configured.filter(s -> !s.isBlank()).ifPresent(candidates::add);
        candidates.addAll(DEFAULT_PATHS);
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isReadable(p)) {
                file = p;
                return;
            }
        }
        throw new IllegalStateException("No CJK TrueType collection for the documents. Install the Debian package "
                + PACKAGE + " (apt-get install " + PACKAGE + ") or set sfh.documents.font (SFH_DOCUMENTS_FONT). Tried: "
                + String.join("; ", candidates));
    }

    /** The font embedded (subset) into {@code doc}; close the result after the document is saved. */
    public Loaded loadInto(PDDocument doc) throws IOException {
        TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
        TrueTypeFont[] chosen = new TrueTypeFont[1];
        ttc.processAllFonts(f -> {
            // the collection holds a proportional and a "Mono" face: prefer the former
            if (chosen[0] == null || chosen[0].getName().contains("Mono") && !f.getName().contains("Mono")) {
                chosen[0] = f;
            }
        });
        if (chosen[0] == null) {
            ttc.close();
            throw new IOException("empty font collection " + file);
        }
        return new Loaded(PDType0Font.load(doc, chosen[0], true), ttc);
    }

    public record Loaded(PDType0Font font, Closeable owner) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }
}
