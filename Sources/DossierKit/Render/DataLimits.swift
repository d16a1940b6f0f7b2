/// The sizes at which the build cuts its large outputs into parts: the tables of mentions
/// and sentences (`DataParts`) and the search page's fallback index (`SearchShards`).
/// Tests make them small to see a small dossier cut as a large one is.
struct DataLimits: Sendable, Hashable {
    /// Bytes a table's part may have (16 MiB: below shared/DESIGN.md's 20 MiB and Cloudflare
    /// Pages' 25 MiB). A single row larger than that (one sentence of many megabytes) is a
    /// part by itself.
    var partBytes = 16 << 20
    /// Rows a table's part may have, header not counted (Excel opens 1,048,576 lines).
    var partRows = 1_000_000
    /// About how many bytes the search index may hold, all its rows counted once, before it
    /// is cut into shards; and about how many each shard then holds of them.
    var searchShardBytes = 32 << 10

    static let standard = DataLimits()
}
