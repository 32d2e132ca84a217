package cn.scanforhelp.intake.poster;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The CJK TrueType font embedded in posters, found once at start: {@code sfh.poster.font} if set,
 * else the Debian font packages' paths. Without a usable font the service does not start, and says
 * which package to install: a poster without its Chinese text is worse than no poster.
 *
 * <p>The font is read from its file each time (fontbox reads only the tables it needs): keeping the
 * 5 MB collection in memory cost every replica that much heap for a few posters a day.
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
    private Path file;
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
                file = p;
                collection = candidate.toLowerCase(Locale.ROOT).matches(".*\\.(ttc|otc)$");
                try (Loaded f = open()) {
                    source = candidate + " (" + f.font().getName() + ")";
                }
                LOG.infof("poster font: %s", source);
                return;
            } catch (IOException | IllegalStateException e) {
                refused.add(candidate + " (" + e.getMessage() + ")");
                file = null;
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
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            try {
                return new Loaded(check(ttf), ttf, null);
            } catch (IllegalStateException | IOException e) {
                ttf.close();
                throw e;
            }
        }
        TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
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
