package cn.scanforhelp.cases.casefile;

/** A name as its keyed hash is taken: the queue finds an encrypted name only when typed whole. */
public final class NameSearch {

    private NameSearch() {
    }

    /** Without surrounding white space, as the re-encryption job hashes the names it moves. */
    public static String normalized(String name) {
        return name == null ? null : name.strip();
    }
}
