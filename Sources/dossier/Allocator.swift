import CMimalloc

/// The executable runs on mimalloc instead of glibc's malloc: linking the library replaces
/// malloc and free for the whole process. A build allocates and frees millions of small
/// strings and arrays on every core at once; with mimalloc a full build of 10,000 articles
/// took about a tenth less time (BENCHMARKS.md), for about 15 MB more peak memory.
enum Allocator {
    /// mimalloc's version, e.g. 209 (printed by `build --verbose`).
    static var mimallocVersion: Int { Int(mi_version()) }
}
