/// The `preview` template's view beside the entity's link (`EntityLinkView`): what an
/// article page's hover card shows of an entity.
struct PreviewView: Encodable {
    /// `kind:id`, as the mention links' `data-entity`.
    var key: String
    var kindSingular: String
    var description: String?
}

typealias PreviewCard = Merged<EntityLinkView, PreviewView>
