/// The `index` template's view: the list of one kind's entities (meetings by date, the
/// others by mentions).
struct EntityIndexView: Encodable {
    var kindTitle: String
    var isMeetings: Bool
    /// The meetings' timeline (inline SVG), on the meetings' list.
    var timeline: String?
    var entities: [EntityListItem]
}
