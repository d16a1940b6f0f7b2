/// Ids for imported articles: `<date>-<words>`, ASCII, from the people the article names
/// most (their short names: `kim`, `blair`), else its most named countries and
/// organisations, else a transliteration of the title's first words. The same text and
/// registry give the same id.
enum ArticleID {
    /// Most words taken from entities or the title.
    static let entityWords = 2
    static let titleWords = 5

    /// The id for an article of `date` (nil when unknown) with this title and body.
    static func make(date: String?, title: String, body: String, annotator: Annotator) -> String {
        let ranked = rankedEntities(title: title, body: body, annotator: annotator)
        let registry = annotator.registry
        var words: [String] = []
        let people = ranked.filter { registry[$0].kind == .person }
        let others = ranked.filter { registry[$0].kind == .country || registry[$0].kind == .org }
        for entity in (people + others).prefix(entityWords) {
            let word = registry[entity].kind == .person ? shortName(registry[entity]) : registry[entity].id
            words.append(words.contains(word) ? registry[entity].id : word)
        }
        if words.isEmpty {
            words = Transliteration.ascii(title).split(separator: " ").map(String.init)
                .filter { !skippedTitleWords.contains($0) }.prefix(titleWords).map { $0 }
        }
        if words.isEmpty { words = ["article"] }
        return slug(([date].compactMap { $0 } + words).joined(separator: "-"))
    }

    /// Registered entities named in the title and body, most mentioned first (ties: the
    /// one named first). Mentions in the body are resolved as the build resolves them.
    static func rankedEntities(title: String, body: String, annotator: Annotator) -> [EntityIndex] {
        var count: [EntityIndex: Int] = [:]
        var first: [EntityIndex: Int] = [:]
        var position = 0
        func note(_ entity: EntityIndex) {
            count[entity, default: 0] += 1
            if first[entity] == nil { first[entity] = position }
            position += 1
        }
        let matcher = annotator.matcher
        for match in matcher.matches(in: TextNormalization.nfc(title)) where !matcher.aliases[Int(match.alias)].isAmbiguous {
            note(matcher.aliases[Int(match.alias)].entities[0])
        }
        let annotated = annotator.annotate(Article(id: "import", title: title, date: "", body: body), research: false)
        for mention in annotated.mentions where annotator.registry[mention.entity].kind != .meeting { note(mention.entity) }
        return count.keys.sorted { a, b in
            count[a]! != count[b]! ? count[a]! > count[b]! : first[a]! < first[b]!
        }
    }

    /// The word of a person's English name that the articles use alone: the name word
    /// closest to one of their one-word aliases (`ब्लेयर` → Blair, `किम` → Kim); without
    /// one, the last word of the name.
    static func shortName(_ person: Entity) -> String {
        let nameWords = person.name.split(separator: " ").map { slug(String($0)) }.filter { !$0.isEmpty }
        guard let last = nameWords.last else { return slug(person.id) }
        let spoken = person.aliases.filter { !$0.contains(" ") }.map { slug(Transliteration.ascii($0)) }.filter { !$0.isEmpty }
        var best: (word: String, distance: Int)?
        for word in nameWords {
            for alias in spoken {
                let distance = Suggestion.editDistance(Array(word.unicodeScalars), Array(alias.unicodeScalars), limit: 99)
                if best == nil || distance < best!.distance { best = (word, distance) }
            }
        }
        return best?.word ?? last
    }

    /// Lowercase ASCII letters and digits, words joined by single hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in Transliteration.ascii(text).unicodeScalars {
            if (97...122).contains(scalar.value) || (48...57).contains(scalar.value) {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// `id`, or `id-2`, `id-3`, ... : the first that `isTaken` refuses.
    static func unique(_ id: String, isTaken: (String) -> Bool) -> String {
        guard isTaken(id) else { return id }
        var number = 2
        while isTaken("\(id)-\(number)") { number += 1 }
        return "\(id)-\(number)"
    }

    /// Postpositions and particles, transliterated: no use in an id.
    static let skippedTitleWords: Set<String> = [
        "ne", "se", "ko", "ka", "ki", "ke", "men", "me", "par", "aur", "bhi", "hi", "ek", "yah", "vah", "is", "us", "hai", "hain",
    ]
}
