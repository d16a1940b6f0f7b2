/// What Annotate puts in an article's body HTML where a mention is: neutral markers that
/// say which entity and which anchor, and no markup. The article page turns them into the
/// theme's mention link (`MentionMarkup`, from `mention.mustache`), so Annotate knows
/// neither the theme nor where pages sit.
///
/// An opening marker is U+FDD3, the entity's index, U+FDD4, the anchor, U+FDD5; the closing
/// one is U+FDD6. They are noncharacters, which loading removes from all content and
/// `Annotator.removeDecodedControls` from what character references decode to: no article
/// text can forge one.
enum MentionMarker {
    /// The opening marker of mention `anchor` of `entity` (`appendOpen`'s bytes).
    static func open(_ entity: EntityIndex, anchor: Int32) -> String {
        var bytes: [UInt8] = []
        appendOpen(entity, anchor: anchor, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The closing marker (`appendClose`'s bytes).
    static let close: String = {
        var bytes: [UInt8] = []
        appendClose(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// Appends the opening marker of mention `anchor` of `entity` as UTF-8.
    static func appendOpen(_ entity: EntityIndex, anchor: Int32, to bytes: inout [UInt8]) {
        appendMarker(openStartByte, to: &bytes)
        appendDigits(Int(entity), to: &bytes)
        appendMarker(separatorByte, to: &bytes)
        appendDigits(Int(anchor), to: &bytes)
        appendMarker(openEndByte, to: &bytes)
    }

    static func appendClose(to bytes: inout [UInt8]) { appendMarker(closeByte, to: &bytes) }

    private static func appendMarker(_ third: UInt8, to bytes: inout [UInt8]) {
        bytes.append(0xEF)
        bytes.append(0xB7)
        bytes.append(third)
    }

    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &bytes) }
        bytes.append(UInt8(48 + value % 10))
    }

    /// The third byte of each marker in UTF-8 (all are EF B7 xx).
    static let openStartByte: UInt8 = 0x93, separatorByte: UInt8 = 0x94, openEndByte: UInt8 = 0x95, closeByte: UInt8 = 0x96
}
