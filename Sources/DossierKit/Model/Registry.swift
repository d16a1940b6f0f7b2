/// Every registered entity, with lookup by kind and id.
public struct Registry: Sendable {
    public private(set) var entities: [Entity]
    private var byKey: [EntityKind: [String: EntityIndex]]

    public init(_ entities: [Entity]) {
        self.entities = entities
        var byKey: [EntityKind: [String: EntityIndex]] = [:]
        for (index, entity) in entities.enumerated() where byKey[entity.kind]?[entity.id] == nil {
            byKey[entity.kind, default: [:]][entity.id] = EntityIndex(index)
        }
        self.byKey = byKey
    }

    public func index(of kind: EntityKind, _ id: String) -> EntityIndex? { byKey[kind]?[id] }

    public func entity(_ kind: EntityKind, _ id: String) -> Entity? {
        index(of: kind, id).map { entities[Int($0)] }
    }

    public subscript(index: EntityIndex) -> Entity { entities[Int(index)] }

    public func ids(of kind: EntityKind) -> [String] { Array(byKey[kind, default: [:]].keys) }

    public func indices(of kind: EntityKind) -> [EntityIndex] {
        entities.indices.filter { entities[$0].kind == kind }.map { EntityIndex($0) }
    }
}
