package cn.scanforhelp.intake.poster;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The CJK TrueType font embedded in posters, found once at start: {@code sfh.poster.font} if set,
 * else the Debian font packages' paths. Without a usable font the service does not start, and says
 * which package to install: a poster without its Chinese text is worse than no poster.
 */
@Startup
@ApplicationScoped
public class PosterFont {

    static final String PACKAGE = "fonts-wqy-microhei";
    static final List<String> DEFAULT_PATHS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    private static final Logger LOG = Logger.getLogger(PosterFont.class);

    private final Optional<String> configured;
    private byte[] data;
    private boolean collection;
    private String source;

    public PosterFont(@ConfigProperty(name = "sfh.poster.font") Optional<String> configured) {
        this.configured = configured;
    }

    @PostConstruct
    void locate() {
        List<String> candidates = new ArrayList<>();
        configured.filter(s -> !s.isBlank()).ifPresent(candidates::add);
        candidates.addAll(DEFAULT_PATHS);
        locate(candidates);
    }

    void locate(List<String> candidates) {
        List<String> refused = new ArrayList<>();
        for (String candidate : candidates) {
            Path p = Path.of(candidate);
            if (!Files.isReadable(p)) {
                refused.add(candidate + " (missing)");
                continue;
            }
            try {
                data = Files.readAllBytes(p);
                collection = candidate.toLowerCase(Locale.ROOT).matches(".*\\.(ttc|otc)$");
                try (Loaded f = open()) {
                    source = candidate + " (" + f.font().getName() + ")";
                }
                LOG.infof("poster font: %s", source);
                return;
            } catch (IOException | IllegalStateException e) {
                refused.add(candidate + " (" + e.getMessage() + ")");
                data = null;
            }
        }
        throw new IllegalStateException("No usable CJK TrueType font for posters. Install the Debian package "
                + PACKAGE + " (apt-get install " + PACKAGE + ") or set sfh.poster.font (SFH_POSTER_FONT) to a "
                + "TrueType .ttf/.ttc with Chinese glyphs. Tried: " + String.join("; ", refused));
    }

    public String source() {
        return source;
    }

    /** Embeds the font (subset: only the glyphs used) into {@code doc}; close the result after saving. */
    public Loaded loadInto(PDDocument doc) throws IOException {
        Loaded loaded = open();
        try {
            return new Loaded(loaded.font(), loaded.owner(), PDType0Font.load(doc, loaded.font(), true));
        } catch (IOException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /** Each document parses its own copy: fontbox fonts read lazily and are not thread-safe. */
    private Loaded open() throws IOException {
        if (!collection) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data));
            return new Loaded(check(ttf), ttf, null);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(data));
        TrueTypeFont[] chosen = new TrueTypeFont[1];
        ttc.processAllFonts(f -> {
            // WenQuanYi's collection holds a proportional and a "Mono" face: prefer the former.
            if (chosen[0] == null || chosen[0].getName().contains("Mono") && !f.getName().contains("Mono")) {
                chosen[0] = f;
            }
        });
        if (chosen[0] == null) {
            ttc.close();
            throw new IllegalStateException("empty font collection");
        }
        try {
            return new Loaded(check(chosen[0]), ttc, null);
        } catch (IllegalStateException | IOException e) {
            ttc.close();
            throw e;
        }
    }

    private static TrueTypeFont check(TrueTypeFont ttf) throws IOException {
        if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
            throw new IllegalStateException("CFF outlines cannot be embedded; a TrueType font is needed");
        }
        var cmap = ttf.getUnicodeCmapLookup();
        for (char c : "有困难扫一救助0".toCharArray()) {
            if (cmap == null || cmap.getGlyphId(c) == 0) {
                throw new IllegalStateException("no Chinese glyphs");
            }
        }
        return ttf;
    }

    /** A parsed font and what must be closed after the document that embeds it is saved. */
    public record Loaded(TrueTypeFont font, Closeable owner, PDType0Font pdFont) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }
}
