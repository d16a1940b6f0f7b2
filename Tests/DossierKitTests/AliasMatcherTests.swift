import Foundation
import Testing
@testable import DossierKit

@Suite struct AliasMatcherTests {
    let registry = Registry([
        country("russia", "Russia", ["रूस", "रूसी संघ"]),
        country("north-korea", "North Korea", ["उत्तर कोरिया"]),
        person("kim-jong-un", "Kim Jong-un", ["किम जोंग-उन", "किम जोंग", "किम"]),
        person("kim-yong-hyun", "Kim Yong-hyun", ["किम योंग-ह्यून", "किम"]),
        person("shoigu", "Sergei Shoigu", ["शोइगु", "शोइगू"]),
        Entity(kind: .org, id: "kcna", name: "KCNA", aliases: ["केसीएनए"]),
    ])

    func found(_ text: String) -> [String] {
        let matcher = AliasMatcher(registry: registry)
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func wholeWordsOnly() {
        #expect(found("रूस ने कहा") == ["रूस"])
        #expect(found("रूसो सेना") == [])          // vowel sign ो follows
        #expect(found("रूसी सेना") == ["रूसी"])     // but रूसी is the country's adjective (a derived variant)
        #expect(found("रूस्") == [])               // virama follows
        #expect(found("अरूस") == [])               // inside a longer word
        #expect(found("(रूस), रूस। रूस-यूक्रेन") == ["रूस", "रूस", "रूस"])
    }

    @Test func nuktaAfterIsNotAMatch() {
        // A name followed by a nukta is another letter, for the aliases as written; as a
        // spelling variant, nukta and no nukta are one.
        var exactOnly = country("russia", "Russia", ["रूस"])
        exactOnly.variants = false
        let matcher = AliasMatcher(registry: Registry([exactOnly]))
        #expect(matcher.matches(in: "रूस\u{093C} x").isEmpty)
        #expect(found("रूस\u{093C} x") == ["रूस\u{093C}"])
    }

    @Test func longestAliasWins() {
        #expect(found("किम जोंग-उन ने") == ["किम जोंग-उन"])
        #expect(found("किम जोंग ने") == ["किम जोंग"])
        #expect(found("किम ने") == ["किम"])
        #expect(found("रूसी संघ की नीति") == ["रूसी संघ"])
    }

    @Test func spellingVariantsAndLatinCase() {
        #expect(found("शोइगु और शोइगू") == ["शोइगु", "शोइगू"])
        #expect(found("NORTH KOREA and north korea") == ["NORTH KOREA", "north korea"])
        #expect(found("Russian") == [])
    }

    @Test func nfcNormalisedTextMatchesDecomposedAlias() {
        // U+095B (ज़, composition-excluded) normalises to ज + nukta.
        let entity = person("zaid", "Zaid", ["\u{095B}ैद"])
        let matcher = AliasMatcher(registry: Registry([entity]))
        let text = TextNormalization.nfc("\u{091C}\u{093C}ैद ने")
        #expect(matcher.matches(in: text).count == 1)
        #expect(TextNormalization.nfc("\u{095B}") == "\u{091C}\u{093C}")
    }

    @Test func ambiguousAliasCarriesAllEntities() {
        let matcher = AliasMatcher(registry: registry)
        let alias = matcher.aliases.first { $0.text == "किम" }!
        #expect(alias.isAmbiguous)
        #expect(alias.entities.count == 2)
    }

    @Test func scalesToThousandsOfAliases() {
        var entities: [Entity] = []
        for index in 0..<5000 { entities.append(person("p\(index)", "Person \(index)", ["नाम\(index) उपनाम"])) }
        let matcher = AliasMatcher(registry: Registry(entities))
        let text = (0..<2000).map { "वाक्य नाम\($0 * 2) उपनाम ने कहा।" }.joined(separator: " ")
        let matches = matcher.matches(in: text)
        #expect(matches.count == 2000)
        #expect(matcher.aliases.filter { !$0.isVariant }.count == 10000)
    }
}

@Suite struct SentenceSplitterTests {
    @Test func splitsOnDandaAndLatinPunctuation() {
        #expect(SentenceSplitter.sentences(in: "पहला वाक्य। दूसरा वाक्य? तीसरा! चौथा.") ==
                ["पहला वाक्य।", "दूसरा वाक्य?", "तीसरा!", "चौथा."])
    }

    @Test func keepsNumbersAndClosingQuotes() {
        #expect(SentenceSplitter.sentences(in: "कुल 10.5 प्रतिशत। उसने कहा, \"हाँ.\" फिर गया") ==
                ["कुल 10.5 प्रतिशत।", "उसने कहा, \"हाँ.\"", "फिर गया"])
    }

    @Test func pipeUsedAsDanda() {
        #expect(SentenceSplitter.sentences(in: "पहला | दूसरा") == ["पहला |", "दूसरा"])
    }
}

@Suite struct TextNormalizationTests {
    @Test func quickCheckAgreesWithFullNormalisation() {
        let samples = ["बढ़ाने", "लड़ाई", "\u{0928}\u{093C}", "\u{0930}\u{093C}", "\u{095C}", "\u{0921}\u{094D}\u{093C}",
                       "\u{0929}", "café", "cafe\u{0301}", "“उद्धरण” – ठीक…", "\u{2000}", "Å", "\u{212B}"]
        for sample in samples {
            let full = sample.precomposedStringWithCanonicalMapping
            #expect(TextNormalization.nfc(sample).unicodeScalars.elementsEqual(full.unicodeScalars), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
            if TextNormalization.isSurelyNFC(sample) {
                #expect(sample.unicodeScalars.elementsEqual(full.unicodeScalars))
            }
        }
        #expect(TextNormalization.isSurelyNFC("बढ़ाने"))
        #expect(!TextNormalization.isSurelyNFC("\u{0928}\u{093C}"))
    }
}
