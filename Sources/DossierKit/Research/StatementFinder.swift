/// Finds the statements of an annotated article and who made them, from Hindi news grammar
/// (the words it reads are `SpeechVocabulary`):
///
/// - a speech verb (`कहा`, `बताया`, a noun of speech with a light verb: `दावा किया`,
///   `जोर दिया`, `निंदा की`, `चिंता व्यक्त की`) followed by `कि`: the clause after it is reported
///   speech (`X ने कहा कि …`); followed by a quotation (`X ने कहा, "…"`): a quote; otherwise its
///   object is what was said (`X ने Y को Z बताया`, `X ने … की निंदा की`), the words from the
///   subject to the verb;
/// - `X के मुताबिक/अनुसार, …`: reported speech of X, or the channel of a speech verb after it;
/// - a quotation no speech verb frames: a quote of nobody named (four words at least: a
///   quoted term or name is not a statement).
///
/// The speaker is the registered entity right before `ने` (after `)` or an apposition
/// `, जो …,`), with those joined to it by `और` (the same kind: `किम और ब्लेयर ने`); `A ने B के
/// हवाले से कहा` is B's, via A; a speech verb inside another's `कि`-clause is the inner
/// speaker's, via the outer (`केसीएनए ने बताया कि किम ने कहा …`: Kim via KCNA). A subject
/// pronoun (`उन्होंने`, `उसने`) takes the previous sentence's subject when that sentence decides
/// it (its statement's speaker, its `ने` subject, or its only person named as a subject);
/// otherwise, and whenever the words before `ने` are no registered name, the statement has
/// no speaker. Nothing is guessed.
///
/// Linear in the article: each sentence's tokens are read a bounded number of times
/// (look-backs of at most `reach` tokens).
enum StatementFinder {
    /// How far back from a speech verb its subject is looked for, in tokens.
    static let reach = 32

    /// The statements of `annotation`, in text order; `tokens` are its blocks' (`ResearchTokens.blocks`).
    static func statements(in annotation: AnnotatedArticle, text: ArticlePlainText, tokens blocks: [ResearchTokens],
                           registry: Registry) -> [Statement] {
        var result: [Statement] = []
        var previous: [EntityIndex] = []
        for tokens in blocks {
            var reader = BlockReader(tokens: tokens.tokens, registry: registry, annotation: annotation)
            for range in tokens.sentences {
                let found = reader.read(sentence: range, previous: previous)
                for frame in found.frames { result.append(reader.statement(frame, text: text)) }
                previous = found.subject
            }
            for frame in reader.freeQuotes() { result.append(reader.statement(frame, text: text)) }
        }
        return result.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    static let speakerKinds: Set<EntityKind> = [.person, .org, .country]
}

/// A speaker as read from the text.
struct SpeakerRead {
    var entities: [EntityIndex] = []
    var mention: Int32?
    var attribution: Statement.Attribution = .none
}

/// One frame of speech found in a sentence.
struct SpeechFrame {
    enum Shape { case clause, object, quote, according }
    var shape: Shape
    var sentence: Int
    /// The token of `ने` or of the subject pronoun, if any.
    var subject: Int?
    var speaker = SpeakerRead()
    var via: EntityIndex?
    /// The words said: token indices in the block.
    var content: Range<Int>
    /// The speech verb's tokens.
    var group: Range<Int>
    var kind: Statement.Kind = .reported
}

/// Reads one block's sentences, in order.
struct BlockReader {
    let tokens: [ResearchToken]
    let registry: Registry
    let annotation: AnnotatedArticle
    let quotes: [QuoteSpan]
    /// Quote span by the token index of its opening mark.
    private var quoteAt: [Int: Int] = [:]
    /// Token ranges already said by a statement or a speech frame (quotes inside are theirs).
    /// Per token, how many kept frames' words begin (+1) and end (-1) there.
    private var coveredEdges: [Int32]
    private var quoteClosingAt: [Int: Int] = [:]
    private var usedQuotes = Set<Int>()

    init(tokens: [ResearchToken], registry: Registry, annotation: AnnotatedArticle) {
        self.tokens = tokens
        self.registry = registry
        self.annotation = annotation
        self.quotes = QuoteSpans.find(in: tokens)
        for (index, span) in quotes.enumerated() { quoteAt[span.open] = index; quoteClosingAt[span.close] = index }
        self.coveredEdges = [Int32](repeating: 0, count: tokens.count + 1)
    }

    func word(_ index: Int) -> Word { index >= 0 && index < tokens.count && tokens[index].kind != .mention ? tokens[index].word : .none }

    func isSpeakerMention(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isMention
            && StatementFinder.speakerKinds.contains(registry[tokens[index].entity].kind)
    }

    // MARK: Speech verbs

    /// The speech verb groups of a sentence: token ranges.
    func groups(in range: Range<Int>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var index = range.lowerBound
        let heads = SpeechVocabulary.heads
        while index < range.upperBound {
            let text = word(index)
            guard let head = heads[text] else { index += 1; continue }
            var end = -1
            if head.contains(.verb) || (head.contains(.verbalNoun) && SpeechVocabulary.auxiliaries.contains(word(index + 1))) {
                end = index + 1
            } else if head.contains(.noun), !SpeechVocabulary.notStatements.contains(word(index - 1)) {
                var next = index + 1
                while next < range.upperBound, SpeechVocabulary.particles.contains(word(next)), next - index < 3 { next += 1 }
                if SpeechVocabulary.lightVerbs.contains(word(next)) {
                    end = next + 1
                } else if SpeechVocabulary.progressiveLightVerbs.contains(word(next)), SpeechVocabulary.progressive.contains(word(next + 1)) {
                    end = next + 2
                }
            }
            guard end > 0 else { index += 1; continue }
            while end < range.upperBound, SpeechVocabulary.auxiliaries.contains(word(end)) { end += 1 }
            if end < range.upperBound, SpeechVocabulary.passive.contains(word(end)) { index = end; continue }
            found.append(index..<end)
            index = end
        }
        return found
    }

    // MARK: Subjects

    /// The subject of a speech verb starting at `start`: the `ने` or pronoun token before it.
    func subjectToken(before start: Int, in range: Range<Int>) -> Int? {
        var index = start - 1
        let floor = max(range.lowerBound, start - StatementFinder.reach)
        while index >= floor {
            let text = word(index)
            if text == SpeechVocabulary.ki { return nil }
            if text == SpeechVocabulary.ne { return index }
            if SpeechVocabulary.honorificPronouns.contains(text) || SpeechVocabulary.plainPronouns.contains(text)
                || SpeechVocabulary.firstPersonPronouns.contains(text) { return index }
            index -= 1
        }
        return nil
    }

    /// Skips closing brackets backwards.
    func skipClosers(_ index: Int) -> Int {
        var index = index
        while index >= 0, tokens[index].kind == .punctuation, SpeechVocabulary.closers.contains(tokens[index].word) { index -= 1 }
        return index
    }

    /// The noun phrase ending at `end` (inclusive): its head mention and the ones joined to it.
    func nounPhrase(endingAt end: Int, floor: Int) -> SpeakerRead {
        var head = skipClosers(end)
        // `X के प्रवक्ता ने`: a spokesperson speaks for X.
        if head - 2 >= floor, SpeechVocabulary.spokespeople.contains(word(head)), SpeechVocabulary.genitives.contains(word(head - 1)) {
            let body = skipClosers(head - 2)
            if body >= floor, isSpeakerMention(body), registry[tokens[body].entity].kind != .person { head = body }
        }
        // An apposition: `X, जो …, ने`.
        if head >= floor, word(head) == SpeechVocabulary.comma {
            var index = head - 1
            while index > floor, head - index < StatementFinder.reach {
                if word(index) == SpeechVocabulary.comma, SpeechVocabulary.relatives.contains(word(index + 1)) { head = skipClosers(index - 1); break }
                index -= 1
            }
        }
        guard head >= floor, isSpeakerMention(head) else { return SpeakerRead() }
        let kind = registry[tokens[head].entity].kind
        var read = SpeakerRead(entities: [tokens[head].entity], mention: tokens[head].mention, attribution: .named)
        // Conjuncts: `X और [its modifiers] Y`, `X, Y और Z`, of the same kind.
        var index = head - 1
        var steps = 0
        while index >= floor, steps < 10 {
            let text = word(index)
            if SpeechVocabulary.conjunctions.contains(text) || text == SpeechVocabulary.comma {
                let other = skipClosers(index - 1)
                guard other >= floor, isSpeakerMention(other), registry[tokens[other].entity].kind == kind else { break }
                if !read.entities.contains(tokens[other].entity) { read.entities.insert(tokens[other].entity, at: 0) }
                index = other - 1
                steps = 0
                continue
            }
            // Modifiers of the conjunct after the conjunction: names, titles, genitives, brackets.
            if text == SpeechVocabulary.ne || text == SpeechVocabulary.ki || SpeechVocabulary.verbs.contains(text)
                || SpeechVocabulary.lightVerbs.contains(text) && text != SpeechVocabulary.kii { break }
            if tokens[index].kind == .punctuation && !SpeechVocabulary.brackets.contains(tokens[index].word) { break }
            index -= 1
            steps += 1
        }
        return read
    }

    /// The speaker of the frame whose subject token is `subject`.
    func speaker(subject: Int, range: Range<Int>, previous: [EntityIndex]) -> SpeakerRead {
        let text = word(subject)
        if text == SpeechVocabulary.ne { return nounPhrase(endingAt: subject - 1, floor: range.lowerBound) }
        if SpeechVocabulary.firstPersonPronouns.contains(text) { return SpeakerRead() }
        return pronounSpeaker(honorific: SpeechVocabulary.honorificPronouns.contains(text), previous: previous)
    }

    /// A third-person pronoun's referent: the previous sentence's subject, when it decides it.
    func pronounSpeaker(honorific: Bool, previous: [EntityIndex]) -> SpeakerRead {
        guard !previous.isEmpty else { return SpeakerRead() }
        let kinds = previous.map { registry[$0].kind }
        if honorific {
            guard kinds.allSatisfy({ $0 == .person || $0 == .org }) else { return SpeakerRead() }
        } else {
            guard previous.count == 1 else { return SpeakerRead() }
        }
        return SpeakerRead(entities: previous, mention: nil, attribution: .pronoun)
    }

    /// `X के मुताबिक/अनुसार` ending at token `marker`: the source (nil entity when unregistered)
    /// and where its noun phrase starts, or nil when it is no source (`योजना के अनुसार`).
    func accordingSource(marker: Int, floor: Int) -> (source: SpeakerRead, start: Int)? {
        guard marker - 1 >= floor, word(marker - 1) == SpeechVocabulary.ke else { return nil }
        var index = skipClosers(marker - 2)
        if index - 1 >= floor, SpeechVocabulary.sourceFillers.contains(word(index)), SpeechVocabulary.genitives.contains(word(index - 1)) {
            index = skipClosers(index - 2)
        }
        guard index >= floor else { return nil }
        if tokens[index].isMention {
            guard isSpeakerMention(index) else { return nil }
            let read = nounPhrase(endingAt: index, floor: floor)
            return (read, index)
        }
        guard tokens[index].kind == .word, SpeechVocabulary.isSourceHead(tokens[index].word) else { return nil }
        return (SpeakerRead(), index)
    }

    // MARK: Sentences

    /// How many frames around one are compared with it (bounds the work on a sentence of
    /// thousands of speech verbs).
    static let nearby = 8

    static let timeWords: WordSet = [
        "को", "भी", "ही", "आज", "कल", "फिर", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार",
        "यह", "ये", "यही", "इस", "वह", "बात", "ऐसा", "ऐसी",
    ]

    static let trimmedMarks: WordSet = [",", "।", "॥", ".", "|", ":", ";", "-", "–", "—"]

    /// Trims punctuation off both ends of a token range (quotation marks stay unless `marks`).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        let drop = BlockReader.trimmedMarks
        while lower < upper, tokens[lower].kind == .punctuation, drop.contains(tokens[lower].word) { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .punctuation, drop.contains(tokens[upper - 1].word) { upper -= 1 }
        return lower..<upper
    }

    func quoteIndex(at index: Int) -> Int? { quoteAt[index] }

    /// The frames of one sentence to report, and the subject a pronoun of the next sentence takes.
    mutating func read(sentence range: Range<Int>, previous: [EntityIndex]) -> (frames: [SpeechFrame], subject: [EntityIndex]) {
        guard !range.isEmpty else { return ([], previous) }
        let sentence = tokens[range.lowerBound].sentence
        var frames: [SpeechFrame] = []
        for group in groups(in: range) {
            var frame = SpeechFrame(shape: .object, sentence: sentence, subject: nil, content: group, group: group)
            var next = group.upperBound
            if word(next) == SpeechVocabulary.ki {
                frame.shape = .clause
                frame.content = trimmed((next + 1)..<range.upperBound)
                // A clause that is one quotation is a quote.
                if let first = frame.content.first, let quote = quoteIndex(at: first), quotes[quote].close >= frame.content.upperBound - 1 {
                    frame.kind = .quote
                    usedQuotes.insert(quote)
                    frame.content = quotes[quote].inner
                }
            } else {
                if word(next) == SpeechVocabulary.comma || word(next) == SpeechVocabulary.colon { next += 1 }
                if let quote = quoteIndex(at: next), !usedQuotes.contains(quote) {
                    frame.shape = .quote
                    frame.kind = .quote
                    frame.content = quotes[quote].inner
                    usedQuotes.insert(quote)
                }
            }
            frame.subject = subjectToken(before: group.lowerBound, in: range)
            if let subject = frame.subject {
                frame.speaker = speaker(subject: subject, range: range, previous: previous)
                // `A ने B के हवाले से कहा`: B's words, via A.
                var index = subject + 1
                while index + 1 < group.lowerBound {
                    if word(index) == SpeechVocabulary.havale, word(index + 1) == SpeechVocabulary.se, word(index - 1) == SpeechVocabulary.ke {
                        let cited = nounPhrase(endingAt: index - 2, floor: subject + 1)
                        frame.via = frame.speaker.entities.first
                        frame.speaker = cited
                        break
                    }
                    index += 1
                }
            } else if SpeechVocabulary.verbalNouns.contains(word(group.lowerBound)), word(group.lowerBound - 1) == SpeechVocabulary.ka {
                // `X का कहना है कि`, `X का मानना है कि`.
                frame.speaker = nounPhrase(endingAt: group.lowerBound - 2, floor: range.lowerBound)
            } else if SpeechVocabulary.verbalNouns.contains(word(group.lowerBound)),
                      let honorific = SpeechVocabulary.genitivePronouns[word(group.lowerBound - 1)] {
                // `उनका कहना है कि`.
                frame.speaker = pronounSpeaker(honorific: honorific, previous: previous)
            } else {
                // A nominative subject right before the verb: `अमेरिका यह दावा कर रहा है कि`.
                var index = group.lowerBound - 1
                while index >= range.lowerBound, BlockReader.timeWords.contains(word(index)), group.lowerBound - index < 4 { index -= 1 }
                if isSpeakerMention(index), !SpeechVocabulary.postpositions.contains(word(group.lowerBound)) {
                    frame.speaker = nounPhrase(endingAt: index, floor: range.lowerBound)
                }
            }
            if frame.shape == .object {
                guard let subject = frame.subject else { continue }
                let said = (subject + 1)..<group.lowerBound
                var saysSomething = said.contains { tokens[$0].kind != .punctuation && !BlockReader.timeWords.contains(word($0)) }
                // `पत्रकारों को बताया`, `लावरोव से कहा`: whom it was told, not what.
                if saysSomething, SpeechVocabulary.verbs.contains(word(group.lowerBound)), SpeechVocabulary.toWhom.contains(word(group.lowerBound - 1)) {
                    saysSomething = false
                }
                if saysSomething {
                    frame.content = (subject + 1)..<group.upperBound
                } else if let quote = quoteBefore(subject), !usedQuotes.contains(quote) {
                    // `"…", किम ने कहा।`
                    frame.shape = .quote
                    frame.kind = .quote
                    frame.content = quotes[quote].inner
                    usedQuotes.insert(quote)
                } else {
                    continue
                }
            }
            frames.append(frame)
        }

        // `X के मुताबिक/अनुसार`: the channel of a speech verb after it, or a statement of X.
        var according: [SpeechFrame] = []
        var nextFrame = 0
        for index in range where SpeechVocabulary.accordingTo.contains(word(index)) {
            guard let (source, start) = accordingSource(marker: index, floor: range.lowerBound) else { continue }
            while nextFrame < frames.count, frames[nextFrame].group.lowerBound <= index { nextFrame += 1 }
            let after = nextFrame..<min(frames.count, nextFrame + BlockReader.nearby)
            if after.contains(where: { (frames[$0].subject ?? -1) > index }) {
                if let channel = source.entities.first {
                    for other in after where (frames[other].subject ?? -1) > index && frames[other].via == nil
                        && !frames[other].speaker.entities.contains(channel) {
                        frames[other].via = channel
                    }
                }
                continue
            }
            var content = trimmed((index + 1)..<range.upperBound)
            if content.isEmpty { content = trimmed(range.lowerBound..<start) }
            guard !content.isEmpty else { continue }
            according.append(SpeechFrame(shape: .according, sentence: sentence, subject: nil, speaker: source,
                                         content: content, group: index..<(index + 1)))
        }
        frames += according

        // Merge the object frames of one subject (`… की निंदा की और इसे … बताया`).
        var merged: [SpeechFrame] = []
        for frame in frames {
            if frame.shape == .object,
               let last = merged.indices.suffix(BlockReader.nearby).last(where: { merged[$0].shape == .object && merged[$0].subject == frame.subject }),
               merged[last].content.upperBound <= frame.group.lowerBound {
                merged[last].content = merged[last].content.lowerBound..<frame.content.upperBound
                merged[last].group = frame.group
                continue
            }
            merged.append(frame)
        }

        // Frames inside another's words: an inner speaker (via the outer) or part of the words.
        var keep = [Bool](repeating: true, count: merged.count)
        merged.sort { $0.group.lowerBound < $1.group.lowerBound }
        for inner in merged.indices {
            for outer in max(0, inner - BlockReader.nearby)..<inner where merged[outer].shape != .object {
                let content = merged[outer].content
                guard content.contains(merged[inner].group.lowerBound) else { continue }
                if let subject = merged[inner].subject, content.contains(subject) || merged[inner].shape == .according {
                    keep[outer] = false
                    if merged[inner].via == nil {
                        merged[inner].via = merged[outer].speaker.entities.first ?? merged[outer].via
                    }
                } else if merged[inner].shape == .according, content.contains(merged[inner].content.lowerBound) {
                    keep[outer] = false
                    if merged[inner].via == nil { merged[inner].via = merged[outer].speaker.entities.first ?? merged[outer].via }
                } else {
                    keep[inner] = false
                }
            }
        }
        var result: [SpeechFrame] = []
        for index in merged.indices where keep[index] && !trimmed(merged[index].content).isEmpty {
            var frame = merged[index]
            if frame.via != nil, frame.speaker.entities.contains(frame.via!) { frame.via = nil }
            result.append(frame)
            coveredEdges[frame.content.lowerBound] += 1
            coveredEdges[frame.content.upperBound] -= 1
        }
        result.sort { $0.content.lowerBound < $1.content.lowerBound }

        // What a pronoun in the next sentence refers to.
        var subject: [EntityIndex] = []
        if let last = result.last(where: { !$0.speaker.entities.isEmpty }) {
            subject = last.speaker.entities
        } else if result.contains(where: { $0.subject != nil }) {
            subject = []
        } else if let ne = range.first(where: { word($0) == SpeechVocabulary.ne }) {
            subject = nounPhrase(endingAt: ne - 1, floor: range.lowerBound).entities
        } else if let pronoun = range.first(where: { SpeechVocabulary.honorificPronouns.contains(word($0)) || SpeechVocabulary.plainPronouns.contains(word($0)) }) {
            subject = speaker(subject: pronoun, range: range, previous: previous).entities
        } else {
            // People named as a subject: not followed by a postposition, or joined to another
            // (`X और Y की मुलाकात`: both, so a pronoun after it is undecided).
            var people: [EntityIndex] = []
            var joined = false
            for index in range where tokens[index].isMention && registry[tokens[index].entity].kind == .person {
                let joinedToNext = SpeechVocabulary.conjunctions.contains(word(index + 1))
                if !joinedToNext && !joined && SpeechVocabulary.postpositions.contains(word(index + 1)) { continue }
                joined = joinedToNext
                if !people.contains(tokens[index].entity) { people.append(tokens[index].entity) }
            }
            subject = people.count == 1 ? people : []
        }
        return (result, subject)
    }

    /// A quotation closing right before the noun phrase that ends at `subject` (`"…", X ने`).
    func quoteBefore(_ subject: Int) -> Int? {
        var index = subject - 1
        while index >= 0, subject - index < 8 {
            if tokens[index].kind == .punctuation, let quote = quoteClosingAt[index] { return quote }
            index -= 1
        }
        return nil
    }

    /// Quotations no frame took and no statement's words hold: quotes of nobody named, if
    /// long enough to be words said rather than a term.
    func freeQuotes() -> [SpeechFrame] {
        var frames: [SpeechFrame] = []
        var depth = [Int32](repeating: 0, count: tokens.count + 1)
        var running: Int32 = 0
        for index in tokens.indices { running += coveredEdges[index]; depth[index] = running }
        for (index, quote) in quotes.enumerated() where !usedQuotes.contains(index) {
            if depth[quote.open] > 0 { continue }
            let words = quote.inner.filter { tokens[$0].kind != .punctuation }.count
            guard words >= 4 else { continue }
            frames.append(SpeechFrame(shape: .quote, sentence: tokens[quote.open].sentence, subject: nil,
                                      content: quote.inner, group: quote.open..<(quote.open + 1), kind: .quote))
        }
        return frames
    }

    // MARK: Output

    func statement(_ frame: SpeechFrame, text: ArticlePlainText) -> Statement {
        let content = trimmed(frame.content)
        let bytes = content.isEmpty ? frame.content.isEmpty ? 0..<0 : tokens[frame.content.lowerBound].start..<tokens[frame.content.lowerBound].start
            : tokens[content.lowerBound].start..<tokens[content.upperBound - 1].end
        let said = text.slice(bytes)
        let entities = frame.speaker.entities
        let anchor = frame.speaker.mention.map { annotation.mentions[Int($0)].anchor }
        return Statement(speaker: entities.first, coSpeakers: Array(entities.dropFirst()), via: frame.via,
                         kind: frame.kind, text: said, range: bytes, sentence: Int32(frame.sentence),
                         speakerMention: frame.speaker.mention, anchor: anchor,
                         attribution: entities.isEmpty ? .none : frame.speaker.attribution)
    }
}
