/// Turns one article's Markdown into linked HTML and its list of mentions: explicit
/// annotations (`[text](person:id)`) plus every registered alias found in the body's
/// text, outside code, links, images and raw HTML. Explicit annotations win; an alias
/// shared by several entities is resolved from the article's context or left unlinked
/// and reported.
struct Annotator: Sendable {
    let registry: Registry
    let matcher: AliasMatcher

    init(registry: Registry) {
        self.init(registry: registry, matcher: AliasMatcher(registry: registry))
    }

    init(registry: Registry, matcher: AliasMatcher) {
        self.registry = registry
        self.matcher = matcher
    }

    /// Annotates `article`, its mentions marked in the body HTML (`MentionMarker`), and finds
    /// its statements and figures unless `research` is false.
    func annotate(_ article: Article, research: Bool = true) -> AnnotatedArticle {
        // What reaches cmark-gfm is bounded first: constructs it is super-linear on become text.
        let (markdown, guarded) = MarkdownGuard.bound(TextNormalization.nfc(article.body), file: article.file, bodyLine: article.bodyLine)
        let document = MarkdownDocument(parsing: markdown)
        var diagnostics = guarded
        diagnostics += Annotator.removeDecodedControls(document, body: article.body, file: article.file, bodyLine: article.bodyLine)
        var scan = DocumentScan(matcher: matcher)
        document.walk { node, entering in scan.visit(node, entering: entering) }

        func line(_ block: Int, _ offset: Int) -> Int32 {
            Int32(article.bodyLine - 1 + scan.blocks[block].line(at: offset))
        }

        // Explicit annotations: resolve ids.
        var explicit: [(annotation: DocumentScan.Explicit, entity: EntityIndex?)] = []
        for annotation in scan.explicit {
            guard case .entity(let kind, let id) = annotation.target else {
                explicit.append((annotation, nil))
                continue
            }
            if let index = registry.index(of: kind, id) {
                explicit.append((annotation, index))
            } else {
                diagnostics.append(.error(article.file, Int(line(annotation.block, annotation.start)),
                                          "unknown \(kind.singular) \"\(id)\"",
                                          hint: Suggestion.hint(for: id, among: registry.ids(of: kind))
                                              ?? "add it to content/entities/\(kind.registryFile) or fix the id"))
                explicit.append((annotation, nil))
            }
        }

        // Context for ambiguous aliases: who the article names unambiguously, and where; and
        // for short forms, who it names in full (not by a bare `किम` that is also another's).
        var namedInArticle = Set<EntityIndex>()
        var namedInFull = Set<EntityIndex>()
        for (_, entity) in explicit { if let entity { namedInArticle.insert(entity); namedInFull.insert(entity) } }
        for candidate in scan.candidates {
            let alias = matcher.aliases[Int(candidate.match.alias)]
            guard alias.entities.count == 1 else { continue }
            namedInArticle.insert(alias.entities[0])
            if !Annotator.isShortFormOfOthers(alias) { namedInFull.insert(alias.entities[0]) }
        }
        var namedInTitle = Set<EntityIndex>()
        for match in matcher.matches(in: TextNormalization.nfc(article.title)) where matcher.aliases[Int(match.alias)].entities.count == 1 {
            namedInTitle.insert(matcher.aliases[Int(match.alias)].entities[0])
        }
        // The people other than its own entity that a short form may mean here.
        func shortFormOptions(_ alias: AliasMatcher.Alias) -> [EntityIndex] {
            guard !alias.shortFor.isEmpty else { return [] }
            return alias.shortFor.filter { namedInFull.contains($0) && !alias.entities.contains($0) }
        }

        // Sentences of each block, computed once.
        let blockSentences = scan.blocks.map { block in
            block.bytes.withUnsafeBufferPointer { SentenceSplitter.sentenceRanges(in: $0) }
        }
        func sentenceIndex(block: Int, offset: Int) -> Int {
            let ranges = blockSentences[block]
            // Last sentence starting at or before offset.
            var low = 0, high = ranges.count - 1, found = 0
            while low <= high {
                let mid = (low + high) / 2
                if ranges[mid].lowerBound <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
            }
            return found
        }

        // Resolve every automatic candidate to one entity or none, in one pass over them: per
        // sentence, the entities it names in full; per paragraph, where each was last named.
        var namedInSentence: [Int: Set<EntityIndex>] = [:]  // sentence key -> entities
        var namedInFullInSentence: [Int: Set<EntityIndex>] = [:]
        var sentenceKeys: [Int] = []
        // Made only where some name needs its context (most articles have none).
        let needsContext = scan.candidates.contains {
            let alias = matcher.aliases[Int($0.match.alias)]
            return alias.isAmbiguous || !shortFormOptions(alias).isEmpty
        }
        if needsContext { sentenceKeys.reserveCapacity(scan.candidates.count) }
        for candidate in scan.candidates where needsContext {
            let key = candidate.block << 32 | sentenceIndex(block: candidate.block, offset: candidate.blockStart)
            sentenceKeys.append(key)
            let alias = matcher.aliases[Int(candidate.match.alias)]
            guard alias.entities.count == 1 else { continue }
            namedInSentence[key, default: []].insert(alias.entities[0])
            if !Annotator.isShortFormOfOthers(alias) { namedInFullInSentence[key, default: []].insert(alias.entities[0]) }
        }
        var resolved: [(candidate: DocumentScan.Candidate, entity: EntityIndex)] = []
        var lastNamed: [EntityIndex: Int] = [:]  // in the current block: entity -> candidate position
        var lastNamedInFull: [EntityIndex: Int] = [:]  // in the article
        var lastBlock = -1
        var unlinked = 0
        func reportAmbiguous(_ candidate: DocumentScan.Candidate, _ text: String, _ entities: [EntityIndex]) {
            unlinked += 1
            guard unlinked <= Annotator.reportedAmbiguities else { return }
            let names = entities.map { registry[$0].id }.joined(separator: " or ")
            diagnostics.append(.warning(article.file, Int(line(candidate.block, candidate.blockStart)),
                                        "ambiguous \"\(text)\" could be \(names); left unlinked",
                                        hint: "annotate it by hand, e.g. [\(text)](\(registry[entities[0]].kind.rawValue):\(registry[entities[0]].id))"))
        }
        for (position, candidate) in scan.candidates.enumerated() {
            if candidate.block != lastBlock { lastNamed.removeAll(keepingCapacity: true); lastBlock = candidate.block }
            let alias = matcher.aliases[Int(candidate.match.alias)]
            let end = candidate.blockStart + candidate.match.end - candidate.match.start
            // What follows the name: the next word, and whether it begins another name (`किम
            // पुतिन से मिले`), which is no part of this one.
            func readsAsShortForm(isCommon: Bool) -> Bool {
                let bytes = scan.blocks[candidate.block].bytes
                let next = scan.candidates.indices.contains(position + 1) ? scan.candidates[position + 1] : nil
                let nextIsName = next.map { $0.block == candidate.block && $0.blockStart == Annotator.wordStart(after: end, in: bytes) } ?? false
                return (nextIsName && !isCommon) || Annotator.readsAsShortForm(next: Annotator.word(after: end, in: bytes), isCommon: isCommon)
            }
            var options = shortFormOptions(alias)
            if !options.isEmpty, !readsAsShortForm(isCommon: alias.shortFormIsCommon) {
                options = []
            }
            // An organisation's name without its head (`सुरक्षा परिषद`) is that organisation
            // only where no other word qualifies it (`राष्ट्रीय सुरक्षा परिषद` is another council).
            if options.contains(where: { registry[$0].kind != .person }),
               !Annotator.readsAsOrganisationTail(previous: Annotator.word(before: candidate.blockStart, in: scan.blocks[candidate.block].bytes)) {
                options = options.filter { registry[$0].kind == .person }
            }
            if !options.isEmpty {
                // A short form of someone the article names in full (`पार्क` after `पार्क सुन-वोन`).
                let choices = options + alias.entities.filter { namedInFull.contains($0) }
                if let choice = Annotator.resolveShortForm(choices, namedInSentence: namedInFullInSentence[sentenceKeys[position]] ?? [],
                                                           lastNamed: lastNamedInFull) {
                    resolved.append((candidate, choice))
                    continue
                }
                // Undecided: an alias as the registry has it; a bare short form stays unlinked.
                if alias.entities.isEmpty {
                    let text = String(decoding: scan.blocks[candidate.block].bytes[candidate.blockStart..<end], as: UTF8.self)
                    reportAmbiguous(candidate, text, choices)
                    continue
                }
            }
            // A short form of no one the article names in full.
            if alias.entities.isEmpty { continue }
            if !alias.isAmbiguous {
                resolved.append((candidate, alias.entities[0]))
                lastNamed[alias.entities[0]] = position
                if !Annotator.isShortFormOfOthers(alias) { lastNamedInFull[alias.entities[0]] = position }
                continue
            }
            // A surname the registry shares, before another word of a name: someone else of
            // that name (`किम जू ऐ`), not one of the people it may mean.
            if !alias.shortFor.isEmpty, !readsAsShortForm(isCommon: false) {
                continue
            }
            let choice = Annotator.resolveAmbiguous(alias, namedInArticle: namedInArticle,
                                                    namedInSentence: namedInSentence[sentenceKeys[position]] ?? [],
                                                    lastNamed: lastNamed, namedInTitle: namedInTitle)
            if let choice {
                resolved.append((candidate, choice))
            } else {
                reportAmbiguous(candidate, alias.text, alias.entities)
            }
        }
        if unlinked > Annotator.reportedAmbiguities {
            diagnostics.append(.warning(article.file, article.bodyLine,
                                        "\(unlinked - Annotator.reportedAmbiguities) more ambiguous names left unlinked",
                                        hint: "annotate them by hand"))
        }

        // Mentions in document order, numbered for anchors.
        struct Pending { var block: Int; var start: Int; var end: Int; var entity: EntityIndex; var auto: Bool; var key: Int }
        var pending: [Pending] = []
        for (index, item) in resolved.enumerated() {
            pending.append(Pending(block: item.candidate.block, start: item.candidate.blockStart,
                                   end: item.candidate.blockStart + item.candidate.match.end - item.candidate.match.start,
                                   entity: item.entity, auto: true, key: index))
        }
        for (index, item) in explicit.enumerated() {
            guard let entity = item.entity else { continue }
            pending.append(Pending(block: item.annotation.block, start: item.annotation.start, end: item.annotation.end,
                                   entity: entity, auto: false, key: index))
        }
        pending.sort { ($0.block, $0.start, $0.auto ? 1 : 0) < ($1.block, $1.start, $1.auto ? 1 : 0) }

        var sentences: [String] = []
        var sentenceNumber: [Int: [Int: Int32]] = [:]  // block -> sentence in block -> index
        var mentions: [Mention] = []
        var anchorOfAuto = [Int32](repeating: 0, count: resolved.count)
        var anchorOfExplicit = [Int32](repeating: 0, count: explicit.count)
        for item in pending {
            let anchor = Int32(mentions.count + 1)
            if item.auto { anchorOfAuto[item.key] = anchor } else { anchorOfExplicit[item.key] = anchor }
            let block = scan.blocks[item.block]
            let inBlock = sentenceIndex(block: item.block, offset: item.start)
            let range = blockSentences[item.block].isEmpty ? 0..<block.bytes.count : blockSentences[item.block][inBlock]
            let number: Int32
            if let known = sentenceNumber[item.block]?[inBlock] {
                number = known
            } else {
                number = Int32(sentences.count)
                sentences.append(String(decoding: block.bytes[range], as: UTF8.self))
                sentenceNumber[item.block, default: [:]][inBlock] = number
            }
            let start = max(item.start, range.lowerBound) - range.lowerBound
            let end = min(item.end, range.upperBound) - range.lowerBound
            mentions.append(Mention(entity: item.entity, sentence: number, start: Int32(start), end: Int32(max(start, end)),
                                    auto: item.auto, anchor: anchor, line: line(item.block, item.start)))
        }

        // Edit the tree: the markers are text (the page turns them into links), so an explicit
        // annotation's link node gives way to its children between them, and a text node with
        // matches gets them in its literal, edited once.
        for (index, item) in explicit.enumerated() {
            if let entity = item.entity {
                item.annotation.node.prependText(MentionMarker.open(entity, anchor: anchorOfExplicit[index]))
                item.annotation.node.appendText(MentionMarker.close)
            }
            item.annotation.node.unwrap()
        }
        var byNode: [Int: [(DocumentScan.Candidate, EntityIndex, Int32)]] = [:]
        for (index, item) in resolved.enumerated() {
            byNode[item.candidate.textNode, default: []].append((item.candidate, item.entity, anchorOfAuto[index]))
        }
        for (nodeIndex, items) in byNode {
            let node = scan.textNodes[nodeIndex]
            let literal = node.withLiteralBytes { bytes in
                var literal: [UInt8] = []
                literal.reserveCapacity(bytes.count + items.count * 24)
                var cursor = 0
                for (candidate, entity, anchor) in items {
                    literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<candidate.match.start]))
                    MentionMarker.appendOpen(entity, anchor: anchor, to: &literal)
                    literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[candidate.match.start..<candidate.match.end]))
                    MentionMarker.appendClose(to: &literal)
                    cursor = candidate.match.end
                }
                literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
                return literal
            }
            node.setLiteral(bytes: literal)
        }

        for link in scan.refused {
            let kind = link.node.kind == .image ? "image" : "link"
            let scheme = LinkPolicy.scheme(of: link.destination) ?? ""
            diagnostics.append(.warning(article.file, article.bodyLine - 1 + link.line,
                                        "\(kind) to \(LinkPolicy.quoted(link.destination)) removed, its text kept",
                                        hint: Suggestion.hint(for: scheme, among: EntityKind.allCases.map(\.rawValue) + ["none"])
                                            .map { "an annotation? \($0)" }
                                            ?? "only http, https and mailto links and links within the site are kept"))
            link.node.unwrap()
        }

        var annotated = AnnotatedArticle(bodyHTML: document.renderHTML(), sentences: ArticleSentences(sentences), mentions: mentions,
                                         diagnostics: diagnostics, summary: Annotator.summary(scan.blocks))
        if research {
            // From the blocks just scanned: the plain text's sentences are the annotator's.
            let text = ArticlePlainText(blocks: scan.blocks.map(\.bytes), sentenceRanges: blockSentences, annotation: annotated)
            annotated.research = ArticleResearch(text: text, annotation: annotated, registry: registry)
        }
        return annotated
    }

    /// Removes invisible controls that Markdown character references (`&#x202E;`, `&#1;`,
    /// `&#xFDD0;`) put into text, link and image titles and code blocks' info strings after
    /// loading removed the literal ones: every string cmark decodes references in and writes
    /// to the page. The noncharacters among them are `MentionMarker`'s markers, which must
    /// never come from content. Only bodies with a numeric reference can have any, so the
    /// others are not walked.
    static func removeDecodedControls(_ document: MarkdownDocument, body: String, file: String, bodyLine: Int) -> [Diagnostic] {
        guard body.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.indices.dropLast().contains { bytes[$0] == UInt8(ascii: "&") && bytes[$0 + 1] == UInt8(ascii: "#") }
        }) ?? true else { return [] }
        var diagnostics: [Diagnostic] = []
        var blockLine = 1
        document.walk { node, entering in
            guard entering else { return }
            if node.startLine > 0 { blockLine = node.startLine }
            let line = bodyLine - 1 + blockLine
            switch node.kind {
            case .text:
                let (clean, found) = InvisibleControls.removing(from: node.literal, file: file, lineOffset: line - 1)
                if !found.isEmpty { node.setLiteral(clean); diagnostics += found }
            case .link, .image:
                let (clean, found) = InvisibleControls.removing(from: node.title, file: file, lineOffset: line - 1)
                if !found.isEmpty { node.setTitle(clean); diagnostics += found }
            case .codeBlock:
                let (clean, found) = InvisibleControls.removing(from: node.fenceInfo, file: file, lineOffset: line - 1)
                if !found.isEmpty { node.setFenceInfo(clean); diagnostics += found }
            default:
                break
            }
        }
        return diagnostics
    }

    /// Ambiguous names reported per article; more are summed up in one last warning.
    static let reportedAmbiguities = 20

    /// Which of an ambiguous alias's entities the article means here, if its context decides:
    /// the only one it names in full; else the one named in full in the same sentence; else
    /// the one named in full last before it in the same paragraph (`lastNamed`: each entity's
    /// last candidate so far in the paragraph); else the one its title names.
    static func resolveAmbiguous(_ alias: AliasMatcher.Alias, namedInArticle: Set<EntityIndex>, namedInSentence: Set<EntityIndex>,
                                 lastNamed: [EntityIndex: Int], namedInTitle: Set<EntityIndex>) -> EntityIndex? {
        let named = alias.entities.filter { namedInArticle.contains($0) }
        if named.count == 1 { return named[0] }
        if named.isEmpty { return nil }
        let inSentence = named.filter { namedInSentence.contains($0) }
        if inSentence.count == 1 { return inSentence[0] }
        if let lastBefore = named.compactMap({ entity in lastNamed[entity].map { (entity, $0) } }).max(by: { $0.1 < $1.1 }) {
            return lastBefore.0
        }
        let inTitle = named.filter { namedInTitle.contains($0) }
        return inTitle.count == 1 ? inTitle[0] : nil
    }

    /// Whether an alias is also the short form of a person other than its own entities
    /// (`किम`, an alias of Kim Jong-un, begins `किम यो-जोंग`): it then names no one in full.
    static func isShortFormOfOthers(_ alias: AliasMatcher.Alias) -> Bool {
        alias.shortFor.contains { !alias.entities.contains($0) }
    }

    /// Which of the people a short form may mean (each named in full in the article) it
    /// means here: the only one; else the only one named in full in its sentence; else the
    /// one named in full last before it in the article.
    static func resolveShortForm(_ choices: [EntityIndex], namedInSentence: Set<EntityIndex>,
                                 lastNamed: [EntityIndex: Int]) -> EntityIndex? {
        if choices.count == 1 { return choices[0] }
        let inSentence = choices.filter { namedInSentence.contains($0) }
        if inSentence.count == 1 { return inSentence[0] }
        return choices.compactMap { entity in lastNamed[entity].map { (entity, $0) } }.max(by: { $0.1 < $1.1 })?.0
    }

    /// Hindi case markers: a name is followed by one where a common word spelled like it
    /// (`ली`, "took") is not.
    static let caseMarkers: Set<String> = ["ने", "का", "की", "के", "को", "से", "में", "पर", "तक"]

    static let commonWords = Set(AliasMatcher.commonWords)

    /// Where the word after `end` would start: past the spaces.
    static func wordStart(after end: Int, in bytes: [UInt8]) -> Int {
        var start = end
        while start < bytes.count && bytes[start] == 32 { start += 1 }
        return start
    }

    /// The word after `end` in `bytes` past one or more spaces, if a word comes next.
    static func word(after end: Int, in bytes: [UInt8]) -> String? {
        let start = wordStart(after: end, in: bytes)
        guard start > end, start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = start
            while cursor < buffer.count {
                let (value, length) = WordBoundary.scalar(at: cursor, in: buffer)
                guard WordBoundary.isWordScalar(value) else { break }
                cursor += length
            }
            return cursor > start ? String(decoding: buffer[start..<cursor], as: UTF8.self) : nil
        }
    }

    /// The word before `start` in `bytes` past one or more spaces, if a word comes there.
    static func word(before start: Int, in bytes: [UInt8]) -> String? {
        var end = start
        while end > 0 && bytes[end - 1] == 32 { end -= 1 }
        guard end < start, end > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var cursor = end
            while cursor > 0 {
                var scalarStart = cursor - 1
                while scalarStart > 0 && buffer[scalarStart] & 0xC0 == 0x80 { scalarStart -= 1 }
                guard WordBoundary.isWordScalar(WordBoundary.scalar(at: scalarStart, in: buffer).0) else { break }
                cursor = scalarStart
            }
            return cursor < end ? String(decoding: buffer[cursor..<end], as: UTF8.self) : nil
        }
    }

    /// Whether an organisation's name without its head reads as that organisation after
    /// `previous`: after no word, a function word (`की`, `और`) or a lower-case Latin one
    /// (`the`); not after a word that would qualify it (`राष्ट्रीय`, `रूसी`, `National`).
    static func readsAsOrganisationTail(previous: String?) -> Bool {
        guard let previous else { return true }
        if FunctionWords.hindi.contains(previous) || caseMarkers.contains(previous) { return true }
        if !previous.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return true }
        return previous.unicodeScalars.allSatisfy { $0.isASCII && !$0.properties.isUppercase }
    }

    /// Whether a short form followed by `next` reads as a bare name: a common word spelled like
    /// a name (`ली`) only before a case marker, and any short form only where the next word
    /// is not one outside the common words, which would make it part of another name
    /// (`पार्क जी-वोन`, where `पार्क सुन-वोन` is named).
    static func readsAsShortForm(next: String?, isCommon: Bool) -> Bool {
        guard let next else { return !isCommon }
        if caseMarkers.contains(next) { return true }
        if isCommon { return false }
        return commonWords.contains(next) || !next.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// The start of the body's text (about `limit` bytes of UTF-8), cut at a word.
    static func summary(_ blocks: [DocumentScan.Block], limit: Int = 600) -> String {
        var bytes: [UInt8] = []
        for block in blocks {
            if !bytes.isEmpty { bytes.append(32) }
            bytes += block.bytes
            if bytes.count > limit { break }
        }
        guard bytes.count > limit else { return String(decoding: bytes, as: UTF8.self) }
        var end = limit
        while end > 0 && bytes[end] != 32 { end -= 1 }
        return String(decoding: bytes[..<(end > 0 ? end : limit)], as: UTF8.self) + "…"
    }
}
