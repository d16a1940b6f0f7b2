extension String {
    /// A folder as the user named it, without the slashes it may end in (`content/` →
    /// `content`; `/` stays `/`): what messages show and paths are joined to.
    var withoutTrailingSlashes: String {
        var clean = self
        while clean.count > 1 && clean.hasSuffix("/") { clean.removeLast() }
        return clean
    }
}
