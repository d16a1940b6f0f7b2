/// The search page's fallback index, for when Pagefind's full-text index is absent (or
/// cannot load, as from `file://`): every entity's names and aliases and every article's
/// title. Scripts rather than JSON, because a page opened from disk may load a script but
/// not fetch a file.
///
/// A large dossier's index is cut into shards so that a query loads only one: each word of a
/// row's names (or title) has a key, its first two characters (Unicode scalars, after NFC and
/// lower-casing); a row is in the shard of each of its words' keys, `fnv1a32(key) % shards`,
/// once per shard. A query loads the shard of one of its words' keys. A small index is one shard
/// (`shards: 1`), which holds every row once and answers any query, as before.
///
/// A key that many titles share (a word every article uses) would make its shard as large as
/// the whole index, so a sharded index keeps, per key, only the newest `keyArticles` titles
/// and lists the keys it cut (`capped`); a query then uses the first of its words whose key
/// is not capped, or says that it shows the newest titles only. Entities are never cut.
///
/// `data/search/index.js`: `window.dossierSearch = {"version": 1, "shards": N, "key": 2, "path": "data/search/shard-",
/// "capped": [keys], "keyArticles": K};`
/// `data/search/shard-0000.js`: `dossierSearchShard(0, {"entities": [[type, name, [aliases], description, url, mentions], ...],
/// "articles": [[title, date, source, url], ...]});` with URLs relative to the site root,
/// entities in registry order and articles newest first.
struct SearchShards: Sendable {
    static let indexPath = "data/search/index.js"
    /// Characters of a word that make its key.
    static let keyLength = 2
    /// Titles a key keeps in a sharded index, newest first.
    static let keyArticles = 300

    let graph: SiteGraph
    let count: Int
    /// Whether the shards hold the rows the previous index's did (its keys, into as many
    /// shards): then only the entity rows whose mention counts changed differ.
    let reusedShards: Bool
    /// Keys whose titles were cut to the newest `keyArticles`.
    let capped: [String]
    /// Per shard: the rows it holds (indices into `entityRows` and `articleRows`), in order.
    private let entitiesByShard: [[Int32]]
    private let articlesByShard: [[Int32]]
    private let entityRows: [String]
    private let articleRows: [String]
    /// Each row's keys (entities in registry order, articles newest first): what a rebuild
    /// that changed no name and no title takes over instead of normalising every title again.
    private let entityKeys: [Set<String>]
    private let articleKeys: [Set<String>]

    /// `previous`: the index of the same registry and article list (ids, titles, dates,
    /// outlets), whose keys and article rows still hold, and whose shards do too while the
    /// index needs as many (only the entities' mention counts can have changed).
    init(_ graph: SiteGraph, limits: DataLimits = .standard, reusingKeysOf previous: SearchShards? = nil) {
        self.graph = graph
        let registry = graph.content.registry
        var entityRows: [String] = []
        for index in registry.entities.indices {
            let entity = registry.entities[index]
            entityRows.append("[" + [JSON.quote(entity.kind.rawValue), JSON.quote(entity.name), JSON.array(entity.aliases),
                                     JSON.quote(entity.description ?? ""), JSON.quote(entity.pagePath),
                                     String(graph.mentionCount(EntityIndex(index)))].joined(separator: ", ") + "]")
        }
        let articleRows = previous?.articleRows ?? graph.articlesByDate.map { index in
            let article = graph.content.articles[Int(index)]
            return "[" + [JSON.quote(article.title), JSON.quote(article.date), JSON.quote(article.source ?? ""),
                          JSON.quote(article.pagePath)].joined(separator: ", ") + "]"
        }
        // Keys on all cores: normalising every title is most of the index's cost.
        let entityKeys = previous?.entityKeys ?? parallelMap(Array(registry.entities.indices)) { index in
            Self.keys(of: [registry.entities[index].name] + registry.entities[index].aliases)
        }
        let articleKeys = previous?.articleKeys ?? parallelMap(graph.articlesByDate) { index in
            Self.keys(of: [graph.content.articles[Int(index)].title])
        }
        let bytes = entityRows.reduce(0) { $0 + $1.utf8.count + 2 } + articleRows.reduce(0) { $0 + $1.utf8.count + 2 }
        var count = 1
        if bytes > limits.searchShardBytes {
            while count * limits.searchShardBytes < bytes, count < 4096 { count *= 2 }
        }
        var capped = Set<String>()
        func shards(_ keys: [Set<String>], cap: Int) -> [[Int32]] {
            var shards = [[Int32]](repeating: [], count: count)
            var uses: [String: Int] = [:]
            for (row, keys) in keys.enumerated() {
                if count == 1 {
                    shards[0].append(Int32(row))
                    continue
                }
                var kept = Set<Int>()
                for key in keys {
                    let used = uses[key, default: 0]
                    guard used < cap else {
                        capped.insert(key)
                        continue
                    }
                    uses[key] = used + 1
                    kept.insert(Int(Self.fnv1a32(key) % UInt32(count)))
                }
                for shard in kept.sorted() { shards[shard].append(Int32(row)) }
            }
            return shards
        }
        self.count = count
        self.entityRows = entityRows
        self.articleRows = articleRows
        self.entityKeys = entityKeys
        self.articleKeys = articleKeys
        if let previous, previous.count == count {
            // The same keys into as many shards: the same rows in each.
            (entitiesByShard, articlesByShard, self.capped) = (previous.entitiesByShard, previous.articlesByShard, previous.capped)
            reusedShards = true
        } else {
            reusedShards = false
            entitiesByShard = shards(entityKeys, cap: .max)
            articlesByShard = shards(articleKeys, cap: Self.keyArticles)
            self.capped = capped.sorted()
        }
    }

    /// The entities whose rows shard `number` holds.
    func entities(in number: Int) -> [EntityIndex] { entitiesByShard[number].map { EntityIndex($0) } }

    func path(of shard: Int) -> String {
        "data/search/shard-" + String(shard).leftPadded(to: 4) + ".js"
    }

    func index() -> String {
        "window.dossierSearch = {\"version\": 1, \"shards\": \(count), \"key\": \(Self.keyLength), \"path\": \"data/search/shard-\", "
            + "\"capped\": " + JSON.array(capped) + ", \"keyArticles\": \(Self.keyArticles)};\n"
    }

    func shard(_ number: Int) -> [String] {
        var chunks = ["dossierSearchShard(\(number), {\"entities\": ["]
        chunks.append(entitiesByShard[number].map { "\n" + entityRows[Int($0)] }.joined(separator: ","))
        chunks.append("],\n\"articles\": [")
        chunks.append(articlesByShard[number].map { "\n" + articleRows[Int($0)] }.joined(separator: ","))
        chunks.append("]});\n")
        return chunks
    }

    /// The keys of the words of `names`: a word is a run of letters, marks and digits.
    static func keys(of names: [String]) -> Set<String> {
        var keys = Set<String>()
        for name in names {
            // Devanagari has no case: lower-casing (slow, through Foundation) only what has.
            let normal = TextNormalization.nfc(name)
            let text = normal.unicodeScalars.contains(where: \.properties.changesWhenLowercased) ? normal.lowercased() : normal
            var word = String.UnicodeScalarView()
            func finish() {
                if !word.isEmpty { keys.insert(String(String.UnicodeScalarView(word.prefix(keyLength)))) }
                word.removeAll()
            }
            for scalar in text.unicodeScalars {
                if isWordScalar(scalar) { word.append(scalar) } else { finish() }
            }
            finish()
        }
        return keys
    }

    /// Letters, marks and digits: JavaScript's `[\p{L}\p{M}\p{N}]`, which search.js splits by.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }

    /// FNV-1a, 32 bits, of the key's UTF-8: search.js computes the same.
    static func fnv1a32(_ key: String) -> UInt32 { FNV1a.hash32(key.utf8) }
}
