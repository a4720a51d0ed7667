/**
 * The words of a query that ask rather than name (search-query.ts): English and Korean stop words,
 * Korean particles and verb endings, and the Chinese and Japanese question phrases stripped from a run.
 */

export const EN_STOP = new Set(
  ("a an the and or of to in on for with at by from as into onto about is are was were be been being am do does did doing done " +
    "how what why when where which who whom whose can could should would will shall may might must i me my mine we our us you your " +
    "it its this that these those there here if so not no get got getting want wants need needs help please way ways any some all " +
    "just also im i'm dont don't cant can't doesnt doesn't didnt didn't isnt isn't it's whats what's possible able someone something " +
    "won't wont wouldn't couldn't shouldn't aren't wasn't weren't hasn't haven't now anymore " +
    "anything again still yet then than very really new else cannot much many more most they them their he she his her make makes made making " +
    "let go goes going went gone come comes came coming keep keeps kept " +
    // Greetings and thanks around a question ("hi, could you tell me how to refund my customer please?").
    "hi hello hey thanks thank thx " +
    // Typed on a phone (`pls`, `u`, `w` for with, `wat`); people named by no one in particular ("make sure nobody logs in": `nobody` was corrected to
    // "body"); `ages` and `forever` ("taking ages"); `another`, whose noun names the topic ("moving to another tool" found "move to another region").
    "pls plz u ur r w wat wut gets sure nobody somebody anybody anyone ages forever another " +
    // Words that join a rambling question's clauses (`I fixed it in quickbooks but lumen still shows the old amount`).
    "but because though although actually " +
    // A dictated question's fillers (`um so how do i like change the plan`): no card uses `like`, which matched "likely" as a prefix.
    "um umm uh uhh er erm hmm like basically literally okay kinda sorta gonna wanna gotta yeah whatever " +
    // Words that only say something is wrong: search-intent.ts reads them, and as words they match any troubleshooting card.
    "missing broken broke stuck wrong greyed grayed " +
    // Verbs that report or ask rather than name a subject ("the bank said no": "said" was corrected to "paid").
    "say says said saying tell tells telling told ask asks asked asking wonder wondering wondered try tries tried trying know knows knew " +
    // Auxiliaries and function words that name nothing ("how long do I have to refund": "have" matched "you have" in any card).
    "have has had having until both either " +
    // When a reader says something happened, not what it is about ("still no refund a week later").
    "later ago already since yesterday during " +
    // Words that only narrow or look for ("refund only part", "can't find the refund"): every card "only" shows or "finds" something.
    "only find finding " +
    // Asking to compare ("difference between admin and member"): what is compared names the topic; "difference" matched "differs".
    "difference differences between vs versus " +
    // Asking what a word means ("what does dunning mean"): the word names the topic; "mean" matched the decline card's "What it means" column.
    "mean means " +
    // Asking for a limit ("maximum api keys per workspace", "how many webhook endpoints max"): what is limited names the topic; "maximum"
    // matched the one card whose table has a "Maximum seats" column and the export card's "maximum for a single export".
    "max maximum " +
    // Asking how to set something up: search-intent.ts reads it; as a word it found the one card that says "For setup".
    "setup setups configure configuring configuration config " +
    // A control named rather than what it does (`"Sync now" button`), as Korean 버튼, Chinese 按钮 and Japanese ボタン are: the cards
    // name a control by its label, the word only in passing ("a Retry button" led for the button the accounting sync card labels).
    "button buttons " +
    // How a control is used (`nothing happens when I click refund`): the cards say "select"; `click` was corrected to "clock".
    "click clicks clicked clicking tap taps tapped tapping " +
    // A verb that names nothing (`become the owner`), and German `bekommen` in a non-native question (`become my money`): `become` was corrected to "before".
    "become becomes became becoming").split(" "),
);
/**
 * Words that only count before `of`: a noun that asks how many ("max number of api keys", "the number of seats"), as `how many` does
 * (`invoice number` keeps it), and one or each of several (`change the plan for one of my customers`: `one` found smart dunning's "one-off").
 */
export const EN_COUNT_OF = new Set(["number", "one", "each"]);
/** Words that only ask a question after "how" ("how long does a refund take", "how late can I refund", `how 2` typed for "how to"), and mean something elsewhere ("long"). */
export const EN_AFTER_HOW = new Set(["2", "long", "often", "soon", "late", "far", "fast", "quickly"]);
/**
 * Verbs that say something is seen, after a negation (`refund button not showing`, "can't see the invoice"): they say the thing
 * is missing, which search-intent.ts reads from the negation, and name no topic; as words they match any card that "shows" something.
 */
export const EN_SEEN = new Set(["show", "shows", "showing", "shown", "appear", "appears", "appearing", "visible", "display", "displayed", "displaying", "see", "seeing"]);
export const EN_NEGATIONS = new Set(["not", "no", "never", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't", "cant", "can't", "cannot", "wont", "won't", "arent", "aren't"]);
/** Units of a time a reader reports ("a week later", "3 days ago"): with `later` or `ago` after them they say when, not what. */
export const EN_TIME_UNITS = new Set(["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"]);
export const EN_TIME_AFTER = new Set(["later", "ago"]);
/** Words before a unit that say when ("a payment from last year", "this month", "next week"). */
export const EN_TIME_BEFORE = new Set(["last", "past", "previous", "this", "next"]);
/**
 * Months and weekdays, and their short forms, a message names to say when something happened ("paid us back in March", "sent last
 * Tuesday"): left out when no card names them, rather than corrected to a card's word (`march` was corrected to "match").
 */
export const EN_DATE_NAMES = new Set(
  ("january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend").split(" "),
);
/** Verbs that only say how long something lasts in a "how long" question or before a duration ("how long does a refund take", "taking a week"). */
export const EN_DURATION_VERBS = new Set(["take", "takes", "took", "taking"]);
/** A long time without a unit ("taking ages", "takes forever"): like a unit after a duration verb, it says how long, not what. */
export const EN_LONG_TIME = new Set(["ages", "forever", "long", "while"]);

export const KO_STOP = new Set(
  ("어떻게 어떻게요 어떡해 해야 해야하나요 하나요 하나 방법 방법은 방법이 방법을 무엇 무엇을 무엇인가요 뭐 뭔가요 뭐예요 왜 언제 어디 어디서 어디에 " +
    "있나요 없나요 되나요 할 수 있어요 있을까요 하는 싶어요 싶은데 싶습니다 좀 주세요 알려 알려주세요 인가요 건가요 나요 하면 되죠 해요 합니다 하고 " +
    "가능한가요 가능 하려면 그리고 및 또는 제 저는 내 우리 우리는 제가 하죠 될까요 할까요 해주세요 경우 때 " +
    // Greetings and polite padding ("안녕하세요 혹시 환불은 어떻게 받을 수 있나요?").
    "안녕하세요 안녕하십니까 혹시 감사합니다 고맙습니다 수고하세요 문의 문의드립니다 궁금합니다 " +
    // 받다 after a noun is "get" (환불 받을 수 있나요, "can I get a refund"), a stop word as "get" is.
    "받을 받으려면 받는 받고 받나요 받을까요 " +
    // Negations name no topic (the problem they say is read by search-intent.ts).
    "안 못 " +
    // Formal questions (~습니까) and what they ask: how many, how long, within when, the difference ("몇 번까지 합니까", "며칠 안에", "차이가 무엇입니까").
    "합니까 됩니까 입니까 있습니까 없습니까 무엇입니까 어떻습니까 가능합니까 몇 며칠 얼마나 얼마 번 안에 차이 차이점 " +
    // Casual verbs that say something goes, comes or takes time, and `거` ("the thing"): `안 가요`, `얼마나 걸리나요`, `실패한 거`.
    "거 것 가요 가나요 와요 오나요 걸리나요 걸려요 걸리는 걸릴까요 걸리죠 못하나요 못해요 " +
    // A control named rather than what it does (`환불 버튼이 안 보여요`): the cards name the control by its label, the button word only in passing.
    "버튼").split(" "),
);

/** Korean particles and verb endings, longest first; stripped only when the stem is an indexed word. */
export const KO_ENDINGS = (
  "가능합니까 있습니까 없습니까 합니까 됩니까 입니까 습니까 하려면 하려고 하는법 하는데 하나요 할까요 했는데 합니다 하세요 하기 하는 하고 하면 해야 해요 했어요 " +
  "되나요 되지 되는 돼요 됐어요 되었 이란 이라는 에서는 에서도 에서 에게 한테 으로는 으로 로는 로 까지 부터 처럼 보다 " +
  "은요 는요 이요 려면 으려면 은 는 이 가 을 를 에 의 와 과 도 만 요 한 된"
).split(" ");

/** Chinese words of one character that only join a Latin word to the next (`和Xero同步`: "sync with Xero"); left out when cut from it (search-query.ts). */
export const ZH_JOINERS = new Set(["和", "与", "與", "跟", "同", "在", "把", "给", "給", "对", "對", "从", "從", "到", "用", "的", "了", "中", "里", "裡"]);

/** Simplified, and Traditional where the folding table leaves a character (麼, 嗎, 錢: no Chinese card uses them, so none is folded). */
export const ZH_QUESTION = [
  "为什么", "为什麼", "什么时候", "什麼時候", "怎么样", "怎麼樣", "怎么办", "怎麼辦", "多少钱", "多少錢", "是多少", "有多少", "多少", "如何", "怎么", "怎麼", "怎样", "什么", "什麼", "为何",
  "请问", "我想", "我要", "我的", "能否", "能不能", "可以", "在哪里", "在哪儿", "在哪", "哪里", "哪儿", "是否", "吗", "嗎", "呢", "吧", "我",
  // A control named rather than what it does (`预览按钮在哪`): the cards name the control by its label alone (选择**预览**).
  "按钮", "按鈕",
];
export const JA_QUESTION = [
  "のはなぜですか", "はなぜですか", "なぜですか", "教えてください", "どうやって", "どうすれば", "どうしたら", "するには", "ですか", "ますか",
  "ください", "について", "の作り方", "作り方", "のやり方", "やり方", "の方法", "方法", "とは", "には", "なぜ", "どう",
  // Where, and a control named rather than what it does (`キーを作成ボタン`): the cards name the control by its label alone.
  "はどこ", "どこ", "ボタン",
];
