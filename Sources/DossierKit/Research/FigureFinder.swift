/// Finds the figures an annotated article reports: a number (`HindiNumber`) followed, after at
/// most `modifiers` words (`10,000 उत्तर कोरियाई सैनिक`), by a unit noun of `FigureVocabulary`;
/// or right before a word that counts people by itself (`दो हजार घायल हुए`); or a number after
/// a partitive (`जिनमें से 8,000`), which counts the unit of the figure before it in the sentence. Dates, durations and ordinals have no unit noun and are no
/// figures. The subject comes from the unit and the first verb of the vocabulary after it in
/// its clause; the claimant is the speaker of the statement whose words hold the number.
/// Linear in the article.
enum FigureFinder {
    /// Words allowed between a number and its unit noun.
    static let modifiers = 3
    /// How far after the unit its verb is looked for, in tokens (within the clause).
    static let verbReach = 24
    /// How many of the statements begun before a figure are looked at for its claim.
    static let claimsLookedAt = 8

    /// The figures of `annotation`, in text order; `statements` are the article's (from
    /// `StatementFinder`), for the claimants.
    static func figures(in annotation: AnnotatedArticle, text: ArticlePlainText, tokens blocks: [ResearchTokens],
                        statements: [Statement]) -> [Figure] {
        var result: [Figure] = []
        // Statements by start, to find the one holding a number as the text is read in order.
        let claims = statements.indices.sorted { statements[$0].range.lowerBound < statements[$1].range.lowerBound }
        var nextClaim = 0
        var entitiesOf: (sentence: Int, entities: [EntityIndex]) = (-1, [])
        for tokens in blocks {
            let all = tokens.tokens
            for range in tokens.sentences {
                var lastUnit: (text: String, unit: FigureVocabulary.UnitClass)?
                var index = range.lowerBound
                while index < range.upperBound {
                    guard let number = HindiNumber.read(at: index, in: all) else { index += 1; continue }
                    var unitIndex = -1
                    var cursor = number.tokens.upperBound
                    while cursor < range.upperBound, cursor - number.tokens.upperBound <= modifiers {
                        let token = all[cursor]
                        if token.kind == .word, FigureVocabulary.units[token.word] != nil { unitIndex = cursor; break }
                        if cursor == number.tokens.upperBound, token.kind == .word, FigureVocabulary.impliedUnits[token.word] != nil {
                            unitIndex = cursor
                            break
                        }
                        if token.kind == .punctuation || token.kind == .number || SpeechVocabulary.postpositions.contains(token.word)
                            && !(token.word == SpeechVocabulary.se && FigureVocabulary.comparatives.contains(cursor + 1 < all.count ? all[cursor + 1].word : .none)) {
                            break
                        }
                        cursor += 1
                    }
                    var unit: (text: String, unit: FigureVocabulary.UnitClass)?
                    var end = number.tokens.upperBound
                    let partitive = (1...3).contains { number.tokens.lowerBound - $0 >= range.lowerBound
                        && FigureVocabulary.partitive.contains(all[number.tokens.lowerBound - $0].word) }
                    let implied = unitIndex >= 0 && FigureVocabulary.units[all[unitIndex].word] == nil
                    if unitIndex >= 0, !(implied && partitive && lastUnit != nil),
                       let unitClass = FigureVocabulary.units[all[unitIndex].word] ?? FigureVocabulary.impliedUnits[all[unitIndex].word] {
                        unit = (all[unitIndex].text, unitClass)
                        end = unitIndex + 1
                    } else if let last = lastUnit, number.value != nil, partitive {
                        // `जिनमें से 8,000 …`, `जिनमें से 3,000 घायल हैं`: the earlier figure's unit.
                        unit = last
                    }
                    guard let found = unit else { index = number.tokens.upperBound; continue }
                    lastUnit = found

                    // The verb of its clause.
                    var event: FigureVocabulary.Event?
                    if end < range.upperBound, FigureVocabulary.presence.contains(all[end].word) { event = .deployed }
                    var scan = end
                    while event == nil, scan < min(range.upperBound, end + verbReach) {
                        let token = all[scan]
                        if token.kind == .punctuation && !SpeechVocabulary.brackets.contains(token.word) || token.kind == .number { break }
                        if token.kind == .word, let verb = FigureVocabulary.event(of: token.word) { event = verb }
                        scan += 1
                    }
                    let lower = number.tokens.lowerBound
                    let approximate = (1...2).contains { lower - $0 >= range.lowerBound && FigureVocabulary.approximate.contains(all[lower - $0].word) }

                    // The claim holding it.
                    let position = all[lower].start
                    // The latest started of the statements begun before it that holds it (only the
                    // last few are looked at: statements hardly overlap).
                    while nextClaim < claims.count, statements[claims[nextClaim]].range.lowerBound <= position { nextClaim += 1 }
                    let claim = claims[max(0, nextClaim - FigureFinder.claimsLookedAt)..<nextClaim].last { statements[$0].range.contains(position) }

                    let sentence = text.spans[all[lower].sentence]
                    if entitiesOf.sentence != all[lower].sentence {
                        var entities: [EntityIndex] = []
                        var seen = Set<EntityIndex>()
                        for mention in sentence.mentions where seen.insert(annotation.mentions[mention].entity).inserted {
                            entities.append(annotation.mentions[mention].entity)
                        }
                        entitiesOf = (all[lower].sentence, entities)
                    }
                    let entities = entitiesOf.entities
                    let numberBytes = all[lower].start..<all[number.tokens.upperBound - 1].end
                    result.append(Figure(claimant: claim.flatMap { statements[$0].speaker }, claim: claim,
                                         number: text.slice(numberBytes), value: number.value, approximate: approximate,
                                         unit: found.text, subject: FigureVocabulary.subject(found.unit, event),
                                         range: all[lower].start..<all[end - 1].end, sentence: Int32(all[lower].sentence),
                                         firstMention: sentence.mentions.first.map(Int32.init), entities: entities))
                    index = end
                }
            }
        }
        return result
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}
