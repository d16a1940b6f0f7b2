/// The words of Hindi news grammar the statement finder reads: speech verbs, the nouns of
/// speech that take a light verb, subject pronouns, the markers of attribution and of a
/// channel, and the head nouns of an unregistered source. Small closed lists, written from
/// the grammar (not from the seed articles); compared as whole words.
enum SpeechVocabulary {
    /// Finite speech verbs: `X ने कहा कि …`, `X ने बताया कि …`, `X ने Y को Z बताया`.
    static let verbs = WordSet(verbWords)
    private static let verbWords = [
        "कहा", "कही", "कहे", "बताया", "बताई", "बताए", "बताये", "लिखा", "दोहराया", "जताया", "जताई", "जताए",
        "पूछा", "माना", "चेताया", "ठहराया",
    ]

    /// Verbal nouns with a genitive subject: `X का कहना है कि`, `X का मानना है कि`.
    static let verbalNouns = WordSet(verbalNounWords)
    private static let verbalNounWords = ["कहना", "मानना", "दावा"]

    /// `X के प्रवक्ता ने कहा`: the spokesperson of a body or a country speaks for it.
    static let spokespeople: WordSet = ["प्रवक्ता"]

    /// Nouns of speech that make a speech verb with a light verb: `दावा किया`, `जोर दिया`,
    /// `आरोप लगाया`, `निंदा की`, `चेतावनी दी`, `चिंता जताई`.
    static let nouns = WordSet(nounWords)
    private static let nounWords = [
        "दावा", "उल्लेख", "जोर", "ज़ोर", "आरोप", "चेतावनी", "पुष्टि", "घोषणा", "टिप्पणी", "निंदा", "आलोचना",
        "इनकार", "इंकार", "अपील", "आग्रह", "मांग", "माँग", "वादा", "आश्वासन", "अनुरोध", "सराहना", "प्रशंसा",
        "खंडन", "धमकी", "जानकारी", "बयान", "खुलासा", "ऐलान", "आह्वान", "दलील", "तर्क",
        "व्यक्त", "प्रकट", "ज़ाहिर", "जाहिर",
    ]

    /// What a word may begin of a speech verb group (`BlockReader.groups`): one lookup per
    /// token instead of one per list.
    struct Head: OptionSet, Sendable {
        let rawValue: UInt8
        static let verb = Head(rawValue: 1), verbalNoun = Head(rawValue: 2), noun = Head(rawValue: 4)
    }
    static let heads: WordMap<Head> = {
        var heads: [String: Head] = [:]
        for word in verbWords { heads[word, default: []].insert(.verb) }
        for word in verbalNounWords { heads[word, default: []].insert(.verbalNoun) }
        for word in nounWords { heads[word, default: []].insert(.noun) }
        return WordMap(heads.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }()

    /// What is expressed but is no statement: agreement is an act (`सहमति व्यक्त की`).
    static let notStatements: WordSet = ["सहमति", "सहमत", "धन्यवाद", "शुक्रिया", "संवेदना"]

    /// Light verbs after a noun of speech, finite (a participle, `करते हुए`, is not).
    static let lightVerbs: WordSet = [
        "किया", "की", "किए", "किये", "दिया", "दी", "दिए", "दिये", "लगाया", "लगाई", "लगाए", "लगाये",
        "जताया", "जताई", "जताए", "करेगा", "करेंगे", "करेगी", "देगा", "देंगे", "देगी",
    ]

    /// Progressive light verbs: `दावा कर रहे हैं कि`.
    static let progressiveLightVerbs: WordSet = ["कर", "दे", "लगा", "जता"]
    static let progressive: WordSet = ["रहे", "रहा", "रही"]

    /// Auxiliaries after a verb (`कहा है`, `बताया था`).
    static let auxiliaries: WordSet = ["है", "हैं", "था", "थी", "थे", "हो", "होगा"]
    /// After a verb they make it passive or a participle: no speaker is named.
    static let passive: WordSet = ["गया", "गई", "गए", "गये", "जा", "जाता", "जाती", "जाते", "हुए", "हुआ"]

    /// Words allowed between a noun of speech and its light verb.
    static let particles: WordSet = ["भी", "ही", "नहीं", "तो"]

    /// Subject pronouns with their ergative ने fused: `उन्होंने` (honorific or plural: a person or
    /// people, or an organisation), `उसने` and `इसने` (a body, a country, a person).
    static let honorificPronouns: WordSet = ["उन्होंने", "इन्होंने"]
    static let plainPronouns: WordSet = ["उसने", "इसने"]
    /// Genitive pronouns before a verbal noun (`उनका कहना है कि`): honorific or not.
    static let genitivePronouns: WordMap<Bool> = ["उनका": true, "इनका": true, "उसका": false, "इसका": false]
    /// First person: the speaker is whoever the article quotes, which the finder does not guess.
    static let firstPersonPronouns: WordSet = ["मैंने", "हमने"]

    /// `X के मुताबिक`, `X के अनुसार`.
    static let accordingTo: WordSet = ["मुताबिक", "मुताबिक़", "अनुसार"]
    /// `X की रिपोर्ट के अनुसार`, `X के बयान के मुताबिक`: words between a source and the marker.
    static let sourceFillers: WordSet = ["रिपोर्ट", "बयान", "हवाले", "जानकारी", "अनुमान", "आकलन", "दावे", "आंकड़ों", "आँकड़ों"]

    /// Head nouns of an unregistered source (`सूत्रों के अनुसार`, `मंत्रालय के मुताबिक`), as
    /// prefixes; any other `… के अनुसार` (`योजना के अनुसार`: according to the plan) is no statement.
    static let sourcePrefixes: [String] = [
        "सूत्र", "सुत्र", "मंत्रालय", "अधिकारि", "अधिकारी", "प्रवक्ता", "रिपोर्ट", "मीडिया", "एजेंसी", "सरकार",
        "विभाग", "बयान", "खुफिया", "ख़ुफ़िया", "जानकार", "विशेषज्ञ", "आंकड़", "आँकड़", "अनुमान", "सेना", "पुलिस",
        "दूतावास", "कार्यालय", "नेता", "मंत्री", "राष्ट्रपति", "प्रधानमंत्री",
    ]

    /// Genitive postpositions: `X के प्रमुख Y` makes X a modifier, not a subject.
    static let genitives: WordSet = ["का", "के", "की"]
    /// Postpositions after a noun: a mention followed by one is not the subject of its sentence.
    static let postpositions: WordSet = ["का", "के", "की", "को", "से", "में", "पर", "ने", "द्वारा", "तक", "लिए"]

    /// Conjunctions of a joint subject (`X और Y ने`).
    static let conjunctions: WordSet = ["और", "तथा", "एवं", "व"]

    /// Relative pronouns opening an apposition (`श्री शोइगु, जो …, ने`).
    static let relatives: WordSet = ["जो", "जिन्होंने", "जिसने"]

    /// Demonstratives that make a noun of speech refer back (`यह जानकारी दी`, `यह टिप्पणी की`).
    static let demonstratives: WordSet = ["यह", "ये", "यही", "इस", "इसकी", "इसके", "ऐसी", "ऐसा", "वह"]

    /// Words the reader compares one by one.
    static let ki = Word("कि"), ne = Word("ने"), ke = Word("के"), ka = Word("का"), kii = Word("की"), se = Word("से")
    static let havale = Word("हवाले"), comma = Word(","), colon = Word(":")
    static let closers: WordSet = [")", "]"]
    static let brackets: WordSet = ["(", ")"]
    /// `पत्रकारों को बताया`, `लावरोव से कहा`: whom it was told.
    static let toWhom: WordSet = ["को", "से"]

    /// Prefixes compared as UTF-8 (as characters, `सुत्र` would not begin `सुत्राे`: a vowel sign
    /// joins the last consonant's character).
    static func isSourceHead(_ word: Word) -> Bool { sourcePrefixes.contains { word.starts(with: $0) } }
}
