/// Every registered entity, with lookup by kind and id.
public struct Registry: Sendable {
    public private(set) var entities: [Entity]
    private var byKey: [EntityKind: [String: EntityIndex]]
    private let placeNames: PlaceNames

    public init(_ entities: [Entity]) {
        self.entities = entities
        var byKey: [EntityKind: [String: EntityIndex]] = [:]
        for (index, entity) in entities.enumerated() where byKey[entity.kind]?[entity.id] == nil {
            byKey[entity.kind, default: [:]][entity.id] = EntityIndex(index)
        }
        self.byKey = byKey
        self.placeNames = PlaceNames(entities)
    }

    public func index(of kind: EntityKind, _ id: String) -> EntityIndex? { byKey[kind]?[id] }

    public func entity(_ kind: EntityKind, _ id: String) -> Entity? {
        index(of: kind, id).map { entities[Int($0)] }
    }

    /// The registered place a meeting's or an article's `place:` names: a place id, else the
    /// one place whose name or alias it is (`PlaceNames`); nil for free text.
    public func place(named value: String?) -> EntityIndex? {
        guard let value, !value.isEmpty else { return nil }
        return index(of: .place, value) ?? placeNames.place(named: value)
    }

    public subscript(index: EntityIndex) -> Entity { entities[Int(index)] }

    public func ids(of kind: EntityKind) -> [String] { Array(byKey[kind, default: [:]].keys) }

    public func indices(of kind: EntityKind) -> [EntityIndex] {
        entities.indices.filter { entities[$0].kind == kind }.map { EntityIndex($0) }
    }
}
