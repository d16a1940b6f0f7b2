/// A statement an article reports: words a speaker said, quoted or reported, with the
/// channel the article got them through. Found by `StatementFinder`.
struct Statement: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        /// The words themselves, in quotation marks (“…”, "…", '…').
        case quote
        /// Reported speech: `X ने कहा कि …`, `X के मुताबिक …`, `X ने Y को Z बताया`, `X ने … की निंदा की`.
        case reported
    }

    /// Whose words they are: a registered person, organisation or country (a government),
    /// nil when the article does not name a registered one or a pronoun's referent is not
    /// decided by the sentence before.
    var speaker: EntityIndex?
    /// The other speakers of a joint statement (`X और Y ने कहा`), in text order.
    var coSpeakers: [EntityIndex]
    /// Through whom the words reached the article (`केसीएनए ने बताया कि किम ने कहा …`: KCNA;
    /// `A ने B के हवाले से कहा`: A; `X के मुताबिक, Y ने कहा`: X).
    var via: EntityIndex?
    var kind: Kind
    /// The words said, as written (a quote without its quotation marks).
    var text: String { words.string }
    /// Where `text` is kept (a large build moves it out of memory once the article's page is made).
    var words: SpillableText
    /// UTF-8 byte range of `text` in the article's `ArticlePlainText.text`.
    var range: Range<Int>
    /// The speaker's mention in that sentence: an index into `AnnotatedArticle.mentions`, and
    /// its anchor on the article page (`#m<anchor>`); nil for a pronoun or an unnamed speaker.
    var speakerMention: Int32?
    var anchor: Int32?
    /// How the speaker was found.
    var attribution: Attribution
    /// The sentence that holds the statement's frame (where the speaker is named): its number
    /// in the data tables (`AnnotatedArticle.tableSentence`; the finder gives its index in the
    /// plain text, which `ArticleResearch` renumbers).
    var sentenceNumber: Int32

    enum Attribution: String, Sendable, Hashable {
        /// Named in the statement's sentence.
        case named
        /// A pronoun (`उन्होंने`) whose referent the sentence before decides.
        case pronoun
        /// No registered speaker.
        case none
    }

    /// Every speaker: `speaker` then `coSpeakers`.
    var speakers: [EntityIndex] { (speaker.map { [$0] } ?? []) + coSpeakers }

    init(speaker: EntityIndex?, coSpeakers: [EntityIndex] = [], via: EntityIndex?, kind: Kind,
                text: String, range: Range<Int>, sentence: Int32, speakerMention: Int32? = nil,
                anchor: Int32? = nil, attribution: Attribution) {
        self.speaker = speaker
        self.coSpeakers = coSpeakers
        self.via = via
        self.kind = kind
        self.words = SpillableText(text)
        self.range = range
        self.sentenceNumber = sentence
        self.speakerMention = speakerMention
        self.anchor = anchor
        self.attribution = attribution
    }
}
