import Foundation

/// `dossier export --sqlite`: the dossier as one SQLite database, for Datasette, the
/// `sqlite3` shell or any tool that reads SQLite. Tables of articles, entities (people,
/// countries, organisations, meetings, places with their coordinates; `key` is `type:id`),
/// aliases, meetings with their participants and countries, the articles that report each
/// meeting, sentences (each
/// once) and mentions (each pointing at its sentence), with foreign keys, indexes, and an
/// FTS5 full-text index of the sentences (`sentences_fts`, Unicode word rules with Devanagari's marks inside words: Hindi and
/// English). Written to a temporary file and renamed into place.
public enum DossierExport {
    /// Writes `analysis` (content loaded and annotated) to `path`; returns the number of mentions.
    @discardableResult
    public static func sqlite(_ analysis: Analysis, to path: String) throws -> Int {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            let count = try write(analysis, to: temporary)
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, code: errno) }
            return count
        } catch {
            unlink(temporary)
            throw error
        }
    }

    static let schema = """
        PRAGMA foreign_keys = ON;
        CREATE TABLE entities (
            key TEXT PRIMARY KEY, type TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, wikidata TEXT,
            description TEXT, country TEXT REFERENCES entities(key), iso TEXT, lat REAL, lon REAL, url TEXT NOT NULL,
            mentions INTEGER NOT NULL, UNIQUE (type, id));
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT NOT NULL, source TEXT, url TEXT, place TEXT,
            place_entity TEXT REFERENCES entities(key), language TEXT, raw TEXT, path TEXT NOT NULL);
        CREATE TABLE aliases (
            entity TEXT NOT NULL REFERENCES entities(key), alias TEXT NOT NULL, PRIMARY KEY (entity, alias));
        CREATE TABLE meetings (
            entity TEXT PRIMARY KEY REFERENCES entities(key), date TEXT, place TEXT, place_entity TEXT REFERENCES entities(key));
        CREATE TABLE participants (
            meeting TEXT NOT NULL REFERENCES meetings(entity), person TEXT NOT NULL REFERENCES entities(key),
            PRIMARY KEY (meeting, person));
        CREATE TABLE meeting_countries (
            meeting TEXT NOT NULL REFERENCES meetings(entity), country TEXT NOT NULL REFERENCES entities(key),
            PRIMARY KEY (meeting, country));
        CREATE TABLE article_meetings (
            article TEXT NOT NULL REFERENCES articles(id), meeting TEXT NOT NULL REFERENCES meetings(entity),
            PRIMARY KEY (article, meeting));
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id), position INTEGER NOT NULL,
            text TEXT NOT NULL, UNIQUE (article, position));
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id),
            entity TEXT NOT NULL REFERENCES entities(key), sentence INTEGER NOT NULL REFERENCES sentences(id),
            text TEXT NOT NULL, auto INTEGER NOT NULL, link TEXT NOT NULL);
        CREATE INDEX mentions_entity ON mentions (entity);
        CREATE INDEX mentions_article ON mentions (article);
        CREATE INDEX mentions_sentence ON mentions (sentence);
        CREATE INDEX sentences_article ON sentences (article);
        CREATE INDEX articles_date ON articles (date);
        CREATE INDEX articles_source ON articles (source);
        CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 0 tokenchars ''\(indicMarks)''');
        """

    /// Vowel signs, virama, nukta, anusvara and the joiners: unicode61 counts only letters
    /// and digits as parts of words and would cut every Hindi word at its vowel signs.
    static let indicMarks: String = {
        let ranges: [ClosedRange<UInt32>] = [0x0900...0x0903, 0x093A...0x094F, 0x0951...0x0957, 0x0962...0x0963, 0x200C...0x200D]
        return String(String.UnicodeScalarView(ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)))
    }()

    private static func write(_ analysis: Analysis, to path: String) throws -> Int {
        let database = try SQLiteDatabase(creating: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        try database.execute(schema)
        try database.execute("BEGIN")
        let content = analysis.content
        let registry = content.registry
        func key(_ entity: Entity) -> String { entity.reference }
        func optional(_ text: String?) -> SQLiteDatabase.Statement.Value { text.map { .text($0) } ?? .null }

        var mentionCounts = [Int](repeating: 0, count: registry.entities.count)
        for annotation in analysis.annotated { for mention in annotation.mentions { mentionCounts[Int(mention.entity)] += 1 } }

        // The place a meeting or an article names, when it is a registered one (as the site links it).
        func placeKey(_ value: String?) -> SQLiteDatabase.Statement.Value {
            registry.place(named: value).map { .text(key(registry[$0])) } ?? .null
        }
        func degrees(_ value: Double?) -> SQLiteDatabase.Statement.Value { value.map { .real($0) } ?? .null }

        let entities = try database.prepare("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // Countries first: others refer to them.
        let ordered = registry.entities.indices.sorted { (registry.entities[$0].kind == .country ? 0 : 1, $0) < (registry.entities[$1].kind == .country ? 0 : 1, $1) }
        for index in ordered {
            let entity = registry.entities[index]
            let country = entity.country.map { "country:" + $0 }
            try entities.run([.text(key(entity)), .text(entity.kind.rawValue), .text(entity.id), .text(entity.name), optional(entity.wikidata),
                              optional(entity.description), optional(country), optional(entity.iso), degrees(entity.lat), degrees(entity.lon),
                              .text(entity.pagePath), .integer(mentionCounts[index])])
        }
        // After the entities: an article's place refers to one.
        let articles = try database.prepare("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for article in content.articles {
            try articles.run([.text(article.id), .text(article.title), .text(article.date), optional(article.source), optional(article.url),
                              optional(article.place), placeKey(article.place), optional(article.language), optional(article.raw),
                              .text(article.pagePath)])
        }
        let aliases = try database.prepare("INSERT OR IGNORE INTO aliases VALUES (?, ?)")
        let meetings = try database.prepare("INSERT INTO meetings VALUES (?, ?, ?, ?)")
        let participants = try database.prepare("INSERT OR IGNORE INTO participants VALUES (?, ?)")
        let countries = try database.prepare("INSERT OR IGNORE INTO meeting_countries VALUES (?, ?)")
        for entity in registry.entities {
            for alias in entity.aliases { try aliases.run([.text(key(entity)), .text(alias)]) }
            guard entity.kind == .meeting else { continue }
            try meetings.run([.text(key(entity)), optional(entity.date), optional(entity.place), placeKey(entity.place)])
            for person in entity.participants { try participants.run([.text(key(entity)), .text("person:" + person)]) }
            for country in entity.countries { try countries.run([.text(key(entity)), .text("country:" + country)]) }
        }
        let reports = try database.prepare("INSERT OR IGNORE INTO article_meetings VALUES (?, ?)")
        for article in content.articles {
            for meeting in article.meetings { try reports.run([.text(article.id), .text("meeting:" + meeting)]) }
        }
        let sentences = try database.prepare("INSERT INTO sentences VALUES (?, ?, ?, ?)")
        let mentions = try database.prepare("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)")
        var sentenceID = 0, mentionID = 0
        for (index, annotation) in analysis.annotated.enumerated() {
            let article = content.articles[index]
            let first = sentenceID + 1
            // As the data tables number them: those that hold mentions, then those that hold only statements or figures.
            for position in 0..<annotation.tableSentenceCount {
                sentenceID += 1
                try sentences.run([.integer(sentenceID), .text(article.id), .integer(position), .text(annotation.tableSentence(position))])
            }
            for mention in annotation.mentions {
                mentionID += 1
                try mentions.run([.integer(mentionID), .text(article.id), .text(key(registry[mention.entity])),
                                  .integer(first + Int(mention.sentence)), .text(annotation.text(of: mention)),
                                  .integer(mention.auto ? 1 : 0), .text(PageFile.mention(article.pagePath, mention.anchor))])
            }
        }
        try database.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild'); COMMIT;")
        // Every reference resolves (the registry was checked at load; this proves the file).
        let broken = try database.prepare("PRAGMA foreign_key_check").rows()
        guard broken.isEmpty else {
            throw SQLiteError(path: path, message: "\(broken.count) rows refer to what the export does not hold, e.g. \(broken[0].compactMap { $0 })")
        }
        return mentionID
    }
}
