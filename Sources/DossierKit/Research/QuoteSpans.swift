/// Quotations in a block's tokens: “…”, ‘…’, "…" and '…'. A straight mark opens when a space
/// (or the block's start) is before it and none after, and closes the other way round, so an
/// apostrophe inside a word opens nothing; an opening mark left unclosed for `limit` tokens is
/// dropped. One pass over the tokens.
struct QuoteSpan: Sendable, Hashable {
    /// Token indices of the opening and closing marks.
    var open: Int
    var close: Int
    var inner: Range<Int> { (open + 1)..<close }
}

enum QuoteSpans {
    static let limit = 600

    /// The marks, compared as `Word`s (a `String` per punctuation token, compared with
    /// Unicode's rules, was most of this pass).
    static let leftDouble = Word("“"), rightDouble = Word("”"), straightDouble = Word("\"")
    static let leftSingle = Word("‘"), rightSingle = Word("’"), straightSingle = Word("'")

    static func find(in tokens: [ResearchToken]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var openDouble = -1, openSingle = -1
        for index in tokens.indices where tokens[index].kind == .punctuation {
            let mark = tokens[index].word
            let double = mark == leftDouble || mark == rightDouble || mark == straightDouble
            let single = mark == leftSingle || mark == rightSingle || mark == straightSingle
            guard double || single else { continue }
            let spaceBefore = index == 0 || tokens[index - 1].end < tokens[index].start
            let spaceAfter = index + 1 >= tokens.count || tokens[index + 1].start > tokens[index].end
            let opens: Bool
            if mark == leftDouble || mark == leftSingle {
                opens = true
            } else if mark == rightDouble || mark == rightSingle {
                opens = false
            } else if spaceBefore && !spaceAfter {
                opens = true
            } else if !spaceBefore {
                opens = false
            } else {
                continue
            }
            if double {
                if openDouble >= 0, index - openDouble > limit { openDouble = -1 }
                if opens { openDouble = index } else if openDouble >= 0 {
                    spans.append(QuoteSpan(open: openDouble, close: index))
                    openDouble = -1
                }
            } else {
                if openSingle >= 0, index - openSingle > limit { openSingle = -1 }
                if opens { openSingle = index } else if openSingle >= 0 {
                    spans.append(QuoteSpan(open: openSingle, close: index))
                    openSingle = -1
                }
            }
        }
        return spans.sorted { $0.open < $1.open }
    }
}
