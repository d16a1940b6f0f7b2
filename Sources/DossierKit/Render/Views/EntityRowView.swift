/// An entity in a list (the kinds' indexes, the home page, an entity's meetings): its
/// link, how often and in how many articles it is mentioned, and a meeting's date and
/// first participants.
struct EntityRowView: Encodable {
    var count: Int
    var articleCount: Int
    /// Up to four other names, joined; empty when there are none.
    var aliases: String
    var description: String?
    var date: String?
    var dateDisplay: String?
    /// Always present, empty for entities other than meetings: templates test lists with
    /// `empty()`, which treats a missing key as empty-and-false.
    var participants: [EntityLinkView]
    /// How many participants are not shown.
    var moreParticipants: Int?
}

/// A row of a list: the entity's link and its row, in one context.
typealias EntityListItem = Merged<EntityLinkView, EntityRowView>
