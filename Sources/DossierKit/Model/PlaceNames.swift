/// The registered places by their names and aliases, for what a meeting's or an article's
/// `place:` names when it is not a place id: the one place whose English name or alias it
/// is, as the body's names are linked. A name two places share names neither (it stays
/// free text, as an ambiguous alias stays unlinked).
struct PlaceNames: Sendable {
    private var byName: [String: EntityIndex] = [:]

    init(_ entities: [Entity]) {
        var shared = Set<String>()
        for (index, entity) in entities.enumerated() where entity.kind == .place {
            for name in Set(([entity.name] + entity.aliases).map(PlaceNames.key)) where !name.isEmpty {
                if let other = byName[name], other != EntityIndex(index) { shared.insert(name) }
                byName[name] = EntityIndex(index)
            }
        }
        for name in shared { byName[name] = nil }
    }

    func place(named value: String) -> EntityIndex? { byName[PlaceNames.key(value)] }

    /// NFC, single spaces, Latin letters in lower case: `Pyongyang`, `pyongyang ` and
    /// `PYONGYANG` name one place.
    static func key(_ text: String) -> String {
        TextNormalization.collapsingWhitespace(TextNormalization.nfc(text)).lowercased()
    }
}
