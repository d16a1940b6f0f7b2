/// The `meeting` template's view: a meeting's facts, all its participants, each article's
/// report side by side, its figures and the other meetings.
struct MeetingView: Encodable {
    var meeting: Merged<EntityListItem, MeetingDetailView>
    var data: DataLinksView
    /// Each article's report (`source`, HTML), what only one outlet says marked.
    var sentenceGroups: String?
    var otherMeetings: [EntityListItem]
    var figureGroups: [FigureGroupView]
}

/// What a meeting's own page shows beside its row (whose participants are then all of them).
struct MeetingDetailView: Encodable {
    /// The place's page when the registry has it, else the place as written.
    var placeLink: EntityLinkView?
    var place: String?
    var countries: [EntityLinkView]
    var aliasList: [String]
    var wikidata: String?
    var wikidataURL: String?
}
