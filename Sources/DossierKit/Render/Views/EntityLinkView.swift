/// An entity as a link: the `chip` template's view, and the link every list of entities
/// shows (participants, places, a place's country).
struct EntityLinkView: Encodable {
    var name: String
    var url: String
    var kind: String
    var id: String
    /// The name in the articles' language, when the registry gives one.
    var native: String?

    init(_ entity: Entity, root: String) {
        name = entity.name
        url = root + entity.pagePath
        kind = entity.kind.rawValue
        id = entity.id
        native = entity.native
    }
}
