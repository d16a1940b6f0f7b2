import Testing
@testable import DossierKit

/// View models become the contexts Mustache and `TemplateShapes` read: nested structs as
/// dictionaries, lists of strings as `[String]`, other lists as `[[String: Any]]`, a nil
/// optional as no key, integers of any width as `Int`, merged views as one dictionary.
@Suite struct TemplateContextTests {
    struct Item: Encodable { var name: String; var count: Int32 }
    struct Inner: Encodable { var flag: Bool; var note: String? }
    struct View: Encodable {
        var title: String
        var missing: String?
        var inner: Inner
        var items: [Item]
        var names: [String]
        var none: [Item]
        var table: [String: [String]]
    }

    @Test func viewModelsBecomePlainContexts() throws {
        let view = View(title: "T", missing: nil, inner: Inner(flag: true, note: "n"), items: [Item(name: "a", count: 2)],
                        names: ["x", "y"], none: [], table: ["k": ["v"]])
        let context = TemplateContext.of(Merged(view, Inner(flag: false, note: nil)))
        #expect(Set(context.keys) == ["title", "inner", "items", "names", "none", "table", "flag"])
        #expect(context["title"] as? String == "T" && context["flag"] as? Bool == false)
        let inner = try #require(context["inner"] as? [String: Any])
        #expect(inner["flag"] as? Bool == true && inner["note"] as? String == "n")
        let items = try #require(context["items"] as? [[String: Any]])
        #expect(items.count == 1 && items[0]["name"] as? String == "a" && items[0]["count"] as? Int == 2)
        #expect(context["names"] as? [String] == ["x", "y"])
        #expect((context["none"] as? [Any])?.isEmpty == true)
        #expect((context["table"] as? [String: Any])?["k"] as? [String] == ["v"])
        var shape = "", values: [String] = []
        #expect(TemplateShapes.flatten(context, shape: &shape, values: &values), "TemplateShapes reads every value")
    }

    /// A view renders as the same dictionary written by hand did.
    @Test func aViewRendersAsItsDictionaryDid() {
        let link = EntityLinkView(country("russia", "Russia", ["रूस"]), root: "../")
        #expect(defaultTheme.render(.chip, link) == defaultTheme.render(named: "chip", ["name": "Russia", "url": "../countries/russia/index.html",
                                                                                        "kind": "country", "id": "russia", "native": "रूस"]))
    }
}
