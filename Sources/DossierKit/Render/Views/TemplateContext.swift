/// Where a view model becomes a template's context: every page and part is an `Encodable`
/// struct (`TemplateView`, one per template, in `Render/Views/`), and this encoder turns it
/// into what Mustache and `TemplateShapes` read: dictionaries of strings, integers, bools,
/// and lists of strings or of dictionaries. A nil optional leaves its key out, which a
/// template's `{{#key}}` reads as false (and which, inside a section, Mustache looks up in
/// the enclosing context: so a view writes every field it owns, even when empty).
enum TemplateContext {
    static func of<View: Encodable>(_ view: View) -> [String: Any] {
        plain(view) as? [String: Any] ?? [:]
    }

    /// Keyed fields encoded so far (several containers of one encoder share it: `Merged`).
    /// Nested values are made plain as each is encoded (`plain`), so the finished context is
    /// not walked again; only `nestedContainer`, which the synthesized code never calls,
    /// leaves a storage object to finish.
    fileprivate final class Fields {
        // Room for a view's fields at once: growing a dictionary field by field rehashed it four times.
        var values = [String: Any](minimumCapacity: 12)
        var unfinished = false
    }

    fileprivate final class Items {
        var texts: [String] = []
        var others: [Any] = []
        var unfinished = false
    }

    fileprivate final class Slot { var value: Any? }

    /// Storage made a plain value: lists of strings as `[String]`, others as `[[String: Any]]`.
    fileprivate static func finished(_ value: Any?) -> Any {
        switch value {
        case let fields as Fields:
            guard fields.unfinished else { return fields.values }
            return fields.values.mapValues(finished)
        case let items as Items:
            guard !items.others.isEmpty else { return items.texts }
            let others = items.unfinished ? items.others.map(finished) : items.others
            return others.map { $0 as? [String: Any] ?? [:] }
        case let slot as Slot:
            return finished(slot.value)
        case nil:
            return ""
        default:
            return value!
        }
    }
}

/// A value as a template reads it: integers of any width as `Int`, a struct as its fields.
private func plain<T: Encodable>(_ value: T) -> Any {
    // Compared by type, not cast: a cast per value was most of the encoder's time.
    if T.self == String.self { return unsafeBitCast(value, to: String.self) }
    if T.self == Bool.self { return unsafeBitCast(value, to: Bool.self) }
    if T.self == Int.self { return unsafeBitCast(value, to: Int.self) }
    if T.self == Int32.self { return Int(unsafeBitCast(value, to: Int32.self)) }
    let slot = TemplateContext.Slot()
    // Encoding into plain containers cannot fail: nothing here throws.
    try? value.encode(to: ContextEncoder(slot: slot))
    return TemplateContext.finished(slot.value)
}

private struct ContextEncoder: Encoder {
    let slot: TemplateContext.Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let fields: TemplateContext.Fields
        if let existing = slot.value as? TemplateContext.Fields {
            fields = existing
        } else {
            fields = TemplateContext.Fields()
            slot.value = fields
        }
        return KeyedEncodingContainer(KeyedContext(fields: fields))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let items = TemplateContext.Items()
        slot.value = items
        return UnkeyedContext(items: items)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContext(slot: slot) }
}

private struct KeyedContext<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let fields: TemplateContext.Fields
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: String, forKey key: Key) { fields.values[key.stringValue] = value }
    mutating func encode(_ value: Bool, forKey key: Key) { fields.values[key.stringValue] = value }
    mutating func encode(_ value: Int, forKey key: Key) { fields.values[key.stringValue] = value }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { fields.values[key.stringValue] = plain(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateContext.Fields()
        fields.unfinished = true
        fields.values[key.stringValue] = nested
        return KeyedEncodingContainer(KeyedContext<NestedKey>(fields: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = TemplateContext.Items()
        fields.unfinished = true
        fields.values[key.stringValue] = nested
        return UnkeyedContext(items: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = TemplateContext.Slot()
        slot.value = fields
        return ContextEncoder(slot: slot)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let slot = TemplateContext.Slot()
        fields.unfinished = true
        fields.values[key.stringValue] = slot
        return ContextEncoder(slot: slot)
    }
}

private struct UnkeyedContext: UnkeyedEncodingContainer {
    let items: TemplateContext.Items
    var codingPath: [any CodingKey] { [] }
    var count: Int { items.texts.count + items.others.count }

    mutating func encodeNil() {}
    mutating func encode(_ value: String) { items.texts.append(value) }
    mutating func encode<T: Encodable>(_ value: T) {
        if T.self == String.self { items.texts.append(unsafeBitCast(value, to: String.self)) } else { items.others.append(plain(value)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateContext.Fields()
        items.unfinished = true
        items.others.append(nested)
        return KeyedEncodingContainer(KeyedContext<NestedKey>(fields: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TemplateContext.Items()
        items.unfinished = true
        items.others.append(nested)
        return UnkeyedContext(items: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let slot = TemplateContext.Slot()
        items.unfinished = true
        items.others.append(slot)
        return ContextEncoder(slot: slot)
    }
}

private struct SingleContext: SingleValueEncodingContainer {
    let slot: TemplateContext.Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) { slot.value = plain(value) }
}

/// Two views' fields in one context (a page's layout and its own, an entity's link and its row).
struct Merged<First: Encodable, Second: Encodable>: Encodable {
    var first: First
    var second: Second

    init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    func encode(to encoder: any Encoder) throws {
        try first.encode(to: encoder)
        try second.encode(to: encoder)
    }
}
