/// How much of a mention's sentence the build writes outside the article: in `mentions.json`,
/// `mentions.csv`, entity and meeting pages and feeds. A sentence of at most `limit` bytes
/// (about 600 Devanagari characters) is written whole, as always. A longer one (text without
/// an end mark: a table of names, a list run together) is cut for display: each of its
/// mentions gets the text around it, at most `limit` bytes, and never past halfway to the
/// neighbouring mentions of the same sentence, so that the excerpts of one sentence do not
/// overlap and together hold its text at most once. Otherwise a sentence of 100 KB naming an
/// alias ten thousand times was written ten thousand times (gigabytes). The whole sentence
/// stays in the article.
enum SentenceExcerpt {
    /// Bytes of UTF-8 a sentence may have to be written whole.
    static let limit = 1_800
    /// A cut moves to a space at most this many bytes away, so that words stay whole.
    static let wordSlack = 48

    /// The part of the sentence written for `annotation.mentions[index]`: a byte range of the
    /// sentence, and whether text was left out before and after it.
    static func range(of index: Int, in annotation: AnnotatedArticle) -> (range: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        let mention = annotation.mentions[index]
        let count = annotation.sentences.byteCount(Int(mention.sentence))
        guard count > limit else { return (0..<count, false, false) }
        return annotation.sentences.withUTF8(Int(mention.sentence)) { range(of: index, among: annotation.mentions, sentence: $0) }
    }

    /// The same, from the article's mentions and the UTF-8 of the mention's sentence.
    static func range(of index: Int, among mentions: [Mention], sentence bytes: UnsafeBufferPointer<UInt8>)
        -> (range: Range<Int>, cutBefore: Bool, cutAfter: Bool) {
        let mention = mentions[index]
        let count = bytes.count
        guard count > limit else { return (0..<count, false, false) }
        let start = Int(mention.start), end = Int(mention.end)
        let reach = max(0, (limit - (end - start)) / 2)
        var lower = max(0, start - reach), upper = min(count, end + reach)
        // Halfway to the neighbouring mentions of the same sentence (mentions are in text order).
        if index > 0, mentions[index - 1].sentence == mention.sentence {
            let previous = Int(mentions[index - 1].end)
            lower = max(lower, min(start, (previous + start + 1) / 2))
        }
        if index + 1 < mentions.count, mentions[index + 1].sentence == mention.sentence {
            let next = Int(mentions[index + 1].start)
            upper = min(upper, max(end, (end + next) / 2))
        }
        // Never inside a character; at a space nearby when there is one.
        while lower > 0, lower < start, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
        if lower > 0, let space = (lower..<min(start, lower + wordSlack)).first(where: { bytes[$0] == 32 }) { lower = space + 1 }
        while upper < count, upper > end, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
        if upper < count, let space = stride(from: upper - 1, through: max(end, upper - wordSlack), by: -1).first(where: { bytes[$0] == 32 }) {
            upper = space
        }
        return (lower..<upper, lower > 0, upper < count)
    }

    /// The sentence as written for one mention: the excerpt, with `…` where text was left out.
    static func text(of index: Int, in annotation: AnnotatedArticle) -> String {
        let (range, cutBefore, cutAfter) = self.range(of: index, in: annotation)
        let sentence = annotation.sentences[Int(annotation.mentions[index].sentence)]
        if !cutBefore && !cutAfter { return sentence }
        let utf8 = sentence.utf8
        let slice = sentence[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        return (cutBefore ? "…" : "") + slice + (cutAfter ? "…" : "")
    }

    /// The parts of a sentence shown for some of its mentions (indices into the article's
    /// mentions, in text order): their excerpts, joined where they touch, in text order.
    static func segments(of mentions: [Int32], in annotation: AnnotatedArticle) -> [Range<Int>] {
        guard let first = mentions.first else { return [] }
        return annotation.sentences.withUTF8(Int(annotation.mentions[Int(first)].sentence)) {
            segments(of: mentions, among: annotation.mentions, sentence: $0)
        }
    }

    /// The same, from the article's mentions and the UTF-8 of their sentence.
    static func segments(of marked: [Int32], among mentions: [Mention], sentence bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for index in marked {
            let range = self.range(of: Int(index), among: mentions, sentence: bytes).range
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The shown parts of a sentence as plain text, `…` where text was left out.
    static func plainText(of mentions: [Int32], in annotation: AnnotatedArticle, sentence: Int32) -> String {
        var text = annotation.sentences[Int(sentence)]
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var out = ""
        var cursor = 0
        for segment in text.withUTF8({ segments(of: mentions, among: annotation.mentions, sentence: $0) }) {
            if segment.lowerBound > cursor { out += out.isEmpty ? "…" : " … " }
            out += text[utf8.index(utf8.startIndex, offsetBy: segment.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: segment.upperBound)]
            cursor = segment.upperBound
        }
        if cursor < utf8.count { out += "…" }
        return out
    }
}
