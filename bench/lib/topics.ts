/**
 * What the generated help center is about: collections of a fictional payments product ("Lumen"),
 * with the tasks, problems and menus their cards talk about, in English, Korean and Chinese.
 * Korean tasks are noun phrases ending in -기 and Chinese tasks are verb phrases, so both slot into
 * sentences of the phrase banks.
 */

export interface Phrase {
  en: string;
  ko: string;
  zh: string;
}

export type TemplateName = "how-to" | "troubleshooting" | "faq" | "internal-policy" | "feature-detail" | "call-review";

export interface Topic {
  name: string;
  title: string;
  description: string;
  /** Share of the corpus in this collection (relative weight). */
  weight: number;
  /** Probability that a card here is external. */
  externalShare: number;
  owners: readonly string[];
  tags: readonly string[];
  /** Lower-case task phrases: "export invoices to CSV". */
  tasks: readonly Phrase[];
  /** Problem titles: "Invoice emails are not delivered". */
  problems: readonly Phrase[];
  /** Menu paths shown in bold: "Settings > Billing". */
  menus: readonly Phrase[];
  /** What the collection is about, as a noun: "invoices". */
  subject: Phrase;
}

const p = (en: string, ko: string, zh: string): Phrase => ({ en, ko, zh });

export const TOPICS: readonly Topic[] = [
  {
    name: "getting-started", title: "Getting started", description: "Set up your workspace, invite your team and send your first invoice.",
    weight: 6, externalShare: 0.95, owners: ["@lumen/onboarding", "@mina-park", "@lumen/docs"], tags: ["onboarding", "setup", "workspace", "first-steps"],
    subject: p("your workspace", "워크스페이스", "工作区"),
    tasks: [p("create your workspace", "워크스페이스 만들기", "创建工作区"), p("invite your team", "팀원 초대하기", "邀请团队成员"), p("add your business details", "사업자 정보 추가하기", "添加企业信息"), p("send your first invoice", "첫 인보이스 보내기", "发送第一张发票"), p("choose a plan", "플랜 선택하기", "选择套餐"), p("connect your bank account", "은행 계좌 연결하기", "关联银行账户")],
    problems: [p("The verification email does not arrive", "인증 이메일이 오지 않는 경우", "收不到验证邮件"), p("The setup checklist stays incomplete", "설정 체크리스트가 완료되지 않는 경우", "设置清单一直显示未完成"), p("Invited members cannot join", "초대한 팀원이 참여하지 못하는 경우", "受邀成员无法加入")],
    menus: [p("Settings > Workspace", "설정 > 워크스페이스", "设置 > 工作区"), p("Home > Setup checklist", "홈 > 설정 체크리스트", "首页 > 设置清单")],
  },
  {
    name: "account", title: "Account and team", description: "Seats, roles, workspace ownership and data export.",
    weight: 8, externalShare: 0.85, owners: ["@lumen/accounts", "@jonas-weber", "ops@lumen.example"], tags: ["account", "roles", "seats", "permissions"],
    subject: p("your account", "계정", "账户"),
    tasks: [p("add a seat", "좌석 추가하기", "增加席位"), p("change a member's role", "팀원 역할 변경하기", "更改成员角色"), p("transfer workspace ownership", "워크스페이스 소유권 이전하기", "转移工作区所有权"), p("remove a member", "팀원 삭제하기", "移除成员"), p("export your account data", "계정 데이터 내보내기", "导出账户数据"), p("close your workspace", "워크스페이스 해지하기", "关闭工作区")],
    problems: [p("A member sees the wrong permissions", "팀원에게 잘못된 권한이 표시되는 경우", "成员看到的权限不正确"), p("The seat count does not match the invoice", "좌석 수가 인보이스와 다른 경우", "席位数与发票不一致"), p("The owner left the company", "소유자가 퇴사한 경우", "所有者已离职")],
    menus: [p("Settings > Members", "설정 > 팀원", "设置 > 成员"), p("Settings > Roles", "설정 > 역할", "设置 > 角色")],
  },
  {
    name: "billing", title: "Billing and payments", description: "Card payments, refunds, subscriptions and plans.",
    weight: 10, externalShare: 0.8, owners: ["@lumen/billing", "@mina-park", "@sofia-reyes"], tags: ["billing", "payments", "refunds", "subscriptions"],
    subject: p("payments", "결제", "付款"),
    tasks: [p("refund a card payment", "카드 결제 환불하기", "退还银行卡付款"), p("change a subscription plan", "구독 플랜 변경하기", "更改订阅套餐"), p("cancel a subscription", "구독 해지하기", "取消订阅"), p("update a payment method", "결제 수단 변경하기", "更新付款方式"), p("retry a failed payment", "실패한 결제 다시 시도하기", "重试失败的付款"), p("apply a discount code", "할인 코드 적용하기", "使用折扣码")],
    problems: [p("A card payment is declined", "카드 결제가 거절되는 경우", "银行卡付款被拒绝"), p("A refund has not reached the customer", "고객에게 환불금이 도착하지 않은 경우", "客户未收到退款"), p("A customer was charged twice", "고객에게 이중 결제된 경우", "客户被重复扣款")],
    menus: [p("Payments", "결제", "付款"), p("Settings > Billing", "설정 > 청구", "设置 > 账单")],
  },
  {
    name: "invoices", title: "Invoices and quotes", description: "Create, send and track invoices, quotes and credit notes.",
    weight: 9, externalShare: 0.85, owners: ["@lumen/invoicing", "@arjun-mehta", "@lumen/docs"], tags: ["invoices", "quotes", "credit-notes", "taxes"],
    subject: p("invoices", "인보이스", "发票"),
    tasks: [p("create an invoice", "인보이스 만들기", "创建发票"), p("send a quote", "견적서 보내기", "发送报价单"), p("issue a credit note", "대변표 발행하기", "开具贷项通知单"), p("add tax to an invoice", "인보이스에 세금 추가하기", "为发票添加税费"), p("set up recurring invoices", "정기 인보이스 설정하기", "设置定期发票"), p("void an invoice", "인보이스 무효화하기", "作废发票")],
    problems: [p("Invoice emails are not delivered", "인보이스 이메일이 전달되지 않는 경우", "发票邮件未送达"), p("Tax is calculated incorrectly", "세금이 잘못 계산되는 경우", "税费计算错误"), p("An invoice stays in draft", "인보이스가 임시 저장 상태로 남아 있는 경우", "发票一直处于草稿状态")],
    menus: [p("Invoices", "인보이스", "发票"), p("Settings > Invoice templates", "설정 > 인보이스 템플릿", "设置 > 发票模板")],
  },
  {
    name: "payouts", title: "Payouts and balances", description: "When money reaches your bank, payout schedules and your Lumen balance.",
    weight: 6, externalShare: 0.75, owners: ["@lumen/treasury", "@sofia-reyes", "finance@lumen.example"], tags: ["payouts", "balance", "bank-accounts", "currencies"],
    subject: p("payouts", "정산", "结算"),
    tasks: [p("change your payout schedule", "정산 주기 변경하기", "更改结算周期"), p("add a payout currency", "정산 통화 추가하기", "添加结算币种"), p("download a payout report", "정산 보고서 다운로드하기", "下载结算报表"), p("pause payouts", "정산 일시 중지하기", "暂停结算"), p("top up your balance", "잔액 충전하기", "为余额充值"), p("verify a bank account", "은행 계좌 인증하기", "验证银行账户")],
    problems: [p("A payout is delayed", "정산이 지연되는 경우", "结算延迟"), p("The balance is negative", "잔액이 마이너스인 경우", "余额为负"), p("A payout was returned by the bank", "은행에서 정산금이 반환된 경우", "结算款被银行退回")],
    menus: [p("Balances > Payouts", "잔액 > 정산", "余额 > 结算"), p("Settings > Bank accounts", "설정 > 은행 계좌", "设置 > 银行账户")],
  },
  {
    name: "integrations", title: "Integrations", description: "Connect Lumen to accounting, CRM and e-commerce tools.",
    weight: 8, externalShare: 0.8, owners: ["@lumen/integrations", "@arjun-mehta", "@kenji-sato"], tags: ["integrations", "accounting", "xero", "quickbooks", "shopify"],
    subject: p("integrations", "연동", "集成"),
    tasks: [p("connect Xero", "Xero 연결하기", "关联 Xero"), p("connect QuickBooks Online", "QuickBooks Online 연결하기", "关联 QuickBooks Online"), p("map accounts for accounting sync", "회계 동기화 계정 매핑하기", "设置会计同步的科目映射"), p("connect a Shopify store", "Shopify 스토어 연결하기", "关联 Shopify 店铺"), p("sync contacts with your CRM", "CRM과 연락처 동기화하기", "与 CRM 同步联系人"), p("disconnect an integration", "연동 해제하기", "断开集成")],
    problems: [p("Accounting sync stops with an error", "회계 동기화가 오류로 중단되는 경우", "会计同步因错误停止"), p("Payments appear twice in Xero", "Xero에 결제가 두 번 표시되는 경우", "付款在 Xero 中重复出现"), p("The Shopify connection expires", "Shopify 연결이 만료되는 경우", "Shopify 连接已过期")],
    menus: [p("Settings > Integrations", "설정 > 연동", "设置 > 集成"), p("Apps", "앱", "应用")],
  },
  {
    name: "api", title: "API and webhooks", description: "API keys, authentication, webhooks, rate limits and error codes.",
    weight: 8, externalShare: 0.85, owners: ["@lumen/platform", "@kenji-sato", "@lumen/dev-rel"], tags: ["api", "webhooks", "api-keys", "developers"],
    subject: p("the API", "API", "API"),
    tasks: [p("create an API key", "API 키 만들기", "创建 API 密钥"), p("rotate an API key", "API 키 교체하기", "轮换 API 密钥"), p("set up a webhook endpoint", "웹훅 엔드포인트 설정하기", "设置 Webhook 端点"), p("verify webhook signatures", "웹훅 서명 검증하기", "验证 Webhook 签名"), p("page through API results", "API 결과 페이지 넘기기", "分页获取 API 结果"), p("send idempotent requests", "멱등 요청 보내기", "发送幂等请求")],
    problems: [p("Webhook deliveries are failing", "웹훅 전송이 실패하는 경우", "Webhook 投递失败"), p("Requests return 429 Too Many Requests", "요청에 429 Too Many Requests가 반환되는 경우", "请求返回 429 Too Many Requests"), p("An API key stops working", "API 키가 작동하지 않는 경우", "API 密钥失效")],
    menus: [p("Settings > Developers > API keys", "설정 > 개발자 > API 키", "设置 > 开发者 > API 密钥"), p("Settings > Developers > Webhooks", "설정 > 개발자 > 웹훅", "设置 > 开发者 > Webhook")],
  },
  {
    name: "security", title: "Security and sign-in", description: "Two-factor authentication, single sign-on, audit logs and compliance.",
    weight: 7, externalShare: 0.7, owners: ["@lumen/security", "@hana-lee", "security@lumen.example"], tags: ["security", "sso", "2fa", "compliance", "gdpr"],
    subject: p("security", "보안", "安全"),
    tasks: [p("turn on two-factor authentication", "2단계 인증 켜기", "开启双重身份验证"), p("set up SAML single sign-on", "SAML SSO 설정하기", "设置 SAML 单点登录"), p("review the audit log", "감사 로그 확인하기", "查看审计日志"), p("reset a member's password", "팀원 비밀번호 재설정하기", "重置成员密码"), p("handle a data deletion request", "데이터 삭제 요청 처리하기", "处理数据删除请求"), p("limit sign-in by IP address", "IP 주소로 로그인 제한하기", "按 IP 地址限制登录")],
    problems: [p("SSO sign-in fails with an error", "SSO 로그인이 오류로 실패하는 경우", "SSO 登录失败"), p("A member lost their two-factor device", "팀원이 2단계 인증 기기를 잃어버린 경우", "成员丢失了双重验证设备"), p("The audit log shows an unknown sign-in", "감사 로그에 알 수 없는 로그인이 표시되는 경우", "审计日志中出现未知登录")],
    menus: [p("Settings > Security", "설정 > 보안", "设置 > 安全"), p("Settings > Audit log", "설정 > 감사 로그", "设置 > 审计日志")],
  },
  {
    name: "reports", title: "Reports and exports", description: "Revenue reports, exports to CSV and scheduled reports.",
    weight: 6, externalShare: 0.8, owners: ["@lumen/analytics", "@lumen/docs", "@jonas-weber"], tags: ["reports", "exports", "csv", "analytics"],
    subject: p("reports", "보고서", "报表"),
    tasks: [p("export payments to CSV", "결제 내역을 CSV로 내보내기", "将付款导出为 CSV"), p("schedule a monthly report", "월간 보고서 예약하기", "定时生成月度报表"), p("filter the revenue report", "매출 보고서 필터링하기", "筛选收入报表"), p("share a report with your accountant", "회계사와 보고서 공유하기", "与会计共享报表"), p("compare two periods", "두 기간 비교하기", "比较两个时间段"), p("build a custom report", "맞춤 보고서 만들기", "创建自定义报表")],
    problems: [p("Report totals do not match payouts", "보고서 합계가 정산 금액과 다른 경우", "报表总额与结算不一致"), p("An export is empty", "내보낸 파일이 비어 있는 경우", "导出的文件为空"), p("Scheduled reports are not sent", "예약한 보고서가 발송되지 않는 경우", "定时报表未发送")],
    menus: [p("Reports", "보고서", "报表"), p("Reports > Exports", "보고서 > 내보내기", "报表 > 导出")],
  },
  {
    name: "mobile", title: "Mobile app", description: "Take payments and manage invoices on iOS and Android.",
    weight: 5, externalShare: 0.9, owners: ["@lumen/mobile", "@hana-lee", "@lumen/docs"], tags: ["mobile", "ios", "android", "card-reader"],
    subject: p("the mobile app", "모바일 앱", "移动应用"),
    tasks: [p("take a payment with Tap to Pay", "Tap to Pay로 결제 받기", "使用 Tap to Pay 收款"), p("pair a card reader", "카드 리더기 연결하기", "配对读卡器"), p("turn on push notifications", "푸시 알림 켜기", "开启推送通知"), p("send an invoice from your phone", "휴대폰에서 인보이스 보내기", "在手机上发送发票"), p("sign in with Face ID", "Face ID로 로그인하기", "使用面容 ID 登录"), p("switch between workspaces", "워크스페이스 전환하기", "切换工作区")],
    problems: [p("The card reader does not connect", "카드 리더기가 연결되지 않는 경우", "读卡器无法连接"), p("The app closes on start", "앱이 시작할 때 종료되는 경우", "应用启动时闪退"), p("Notifications do not appear", "알림이 표시되지 않는 경우", "不显示通知")],
    menus: [p("More > Settings", "더보기 > 설정", "更多 > 设置"), p("More > Card readers", "더보기 > 카드 리더기", "更多 > 读卡器")],
  },
  {
    name: "troubleshooting", title: "Troubleshooting", description: "Fix common problems with payments, sign-in, email and sync.",
    weight: 8, externalShare: 0.7, owners: ["@lumen/support", "@lumen/support-leads", "@tomas-novak"], tags: ["troubleshooting", "errors", "email", "sync"],
    subject: p("common problems", "자주 발생하는 문제", "常见问题"),
    tasks: [p("clear the browser cache", "브라우저 캐시 지우기", "清除浏览器缓存"), p("check the status page", "상태 페이지 확인하기", "查看状态页面"), p("collect a HAR file", "HAR 파일 수집하기", "收集 HAR 文件"), p("resend a verification email", "인증 이메일 다시 보내기", "重新发送验证邮件"), p("check email deliverability", "이메일 전달 상태 확인하기", "检查邮件送达情况"), p("find a payment by reference", "참조 번호로 결제 찾기", "按参考号查找付款")],
    problems: [p("Pages load slowly", "페이지가 느리게 로드되는 경우", "页面加载缓慢"), p("Emails land in spam", "이메일이 스팸함으로 가는 경우", "邮件进入垃圾箱"), p("Sign-in links expire too early", "로그인 링크가 너무 빨리 만료되는 경우", "登录链接过早失效"), p("Exports time out", "내보내기 시간이 초과되는 경우", "导出超时")],
    menus: [p("Help > System status", "도움말 > 시스템 상태", "帮助 > 系统状态"), p("Settings > Email", "설정 > 이메일", "设置 > 邮件")],
  },
  {
    name: "releases", title: "Releases", description: "Feature detail cards from product marketing: what shipped and how to explain it.",
    weight: 4, externalShare: 0.6, owners: ["@lumen/product-marketing", "@olivia-chen"], tags: ["release", "feature", "launch"],
    subject: p("new features", "새 기능", "新功能"),
    tasks: [p("turn on smart dunning", "스마트 독촉 켜기", "开启智能催款"), p("use multi-currency payouts", "다중 통화 정산 사용하기", "使用多币种结算"), p("try the new invoice editor", "새 인보이스 편집기 사용하기", "试用新版发票编辑器"), p("set up payment links", "결제 링크 설정하기", "设置付款链接"), p("use bulk refunds", "일괄 환불 사용하기", "使用批量退款"), p("use saved replies", "저장된 답변 사용하기", "使用预设回复")],
    problems: [p("The new feature is not visible", "새 기능이 보이지 않는 경우", "看不到新功能")],
    menus: [p("Settings > Labs", "설정 > 실험실", "设置 > 实验功能"), p("What's new", "새로운 소식", "新功能")],
  },
  {
    name: "escalations", title: "Escalations", description: "Escalation paths, severity levels and incident handling for agents.",
    weight: 5, externalShare: 0, owners: ["@lumen/support-leads", "@tomas-novak", "@lumen/incident-response"], tags: ["escalation", "incidents", "severity", "on-call"],
    subject: p("escalations", "에스컬레이션", "升级处理"),
    tasks: [p("escalate a payment incident", "결제 장애 에스컬레이션하기", "升级付款事故"), p("page the on-call engineer", "당직 엔지니어 호출하기", "呼叫值班工程师"), p("open a severity 1 incident", "심각도 1 장애 등록하기", "创建一级事故"), p("hand over a ticket to Tier 2", "Tier 2로 티켓 넘기기", "将工单转交二线"), p("escalate a chargeback", "지불 거절 에스컬레이션하기", "升级拒付案件"), p("report a suspected account takeover", "계정 탈취 의심 신고하기", "上报疑似账户盗用")],
    problems: [p("The on-call engineer does not answer", "당직 엔지니어가 응답하지 않는 경우", "值班工程师无人响应"), p("A customer threatens legal action", "고객이 법적 조치를 언급하는 경우", "客户扬言采取法律行动")],
    menus: [p("Helpdesk > Escalate", "헬프데스크 > 에스컬레이션", "工单系统 > 升级"), p("Incident board", "장애 보드", "事故看板")],
  },
  {
    name: "policies", title: "Support policies", description: "Rules agents follow: refunds, credits, identity checks and data access.",
    weight: 5, externalShare: 0, owners: ["@lumen/support-ops", "@lumen/compliance", "@sofia-reyes"], tags: ["policy", "compliance", "refunds", "identity"],
    subject: p("support policies", "지원 정책", "支持政策"),
    tasks: [p("approve a goodwill credit", "보상 크레딧 승인하기", "批准补偿额度"), p("verify a caller's identity", "통화자 본인 확인하기", "核实来电者身份"), p("refund outside the 180-day window", "180일이 지난 결제 환불하기", "退还超过 180 天的付款"), p("share data with a customer", "고객에게 데이터 공유하기", "向客户提供数据"), p("waive a late fee", "연체 수수료 면제하기", "免除滞纳金"), p("close a fraudulent account", "사기 계정 해지하기", "关闭欺诈账户")],
    problems: [p("A customer disputes a policy decision", "고객이 정책 결정에 이의를 제기하는 경우", "客户对政策决定提出异议")],
    menus: [p("Helpdesk > Macros", "헬프데스크 > 매크로", "工单系统 > 宏"), p("Admin > Credits", "관리자 > 크레딧", "管理后台 > 额度")],
  },
  {
    name: "call-reviews", title: "Call reviews", description: "Reviewed customer calls, tagged so new agents can learn from them.",
    weight: 5, externalShare: 0, owners: ["@lumen/support-leads", "@mina-park", "@lumen/quality"], tags: ["call-review", "coaching", "quality"],
    subject: p("call reviews", "통화 리뷰", "通话复盘"),
    tasks: [p("explain a declined payment", "결제 거절 설명하기", "解释付款被拒原因"), p("walk a customer through SSO setup", "고객에게 SSO 설정 안내하기", "指导客户设置 SSO"), p("handle a refund complaint", "환불 불만 처리하기", "处理退款投诉"), p("explain a failed renewal", "갱신 실패 설명하기", "解释续订失败原因"), p("calm an angry caller", "화가 난 고객 응대하기", "安抚情绪激动的来电者"), p("debug webhooks on a call", "통화 중 웹훅 디버깅하기", "在通话中排查 Webhook")],
    problems: [p("Late refund", "늦은 환불", "退款延迟")],
    menus: [p("Helpdesk > Calls", "헬프데스크 > 통화", "工单系统 > 通话")],
  },
];

/** Suffixes that make titles of the same task distinct: shown in parentheses after the title. */
export const TITLE_SCOPES: readonly Phrase[] = [
  p("", "", ""),
  p("Business plan", "Business 플랜", "Business 套餐"),
  p("Starter plan", "Starter 플랜", "Starter 套餐"),
  p("Enterprise", "Enterprise", "Enterprise"),
  p("EU accounts", "EU 계정", "欧盟账户"),
  p("US accounts", "미국 계정", "美国账户"),
  p("UK accounts", "영국 계정", "英国账户"),
  p("Korea", "한국", "韩国"),
  p("Japan", "일본", "日本"),
  p("Australia", "호주", "澳大利亚"),
  p("partner accounts", "파트너 계정", "合作伙伴账户"),
  p("sandbox", "샌드박스", "沙盒"),
];

/** Where a task is done: prefixed in Korean and Chinese, appended in English. */
export const TITLE_PLACES: readonly Phrase[] = [
  p("", "", ""),
  p("in the mobile app", "모바일 앱에서", "在移动应用中"),
  p("from the dashboard", "대시보드에서", "在控制台中"),
  p("with the API", "API로", "通过 API"),
  p("in bulk", "한 번에 여러 건", "批量"),
  p("for a team workspace", "팀 워크스페이스에서", "为团队工作区"),
  p("for a connected account", "연결된 계정에서", "为关联账户"),
];

export const ROLES: readonly Phrase[] = [
  p("Owner", "소유자", "所有者"), p("Admin", "관리자", "管理员"), p("Billing manager", "결제 관리자", "账单管理员"),
  p("Developer", "개발자", "开发者"), p("Accountant", "회계 담당자", "会计"),
];

export const BUTTONS: readonly Phrase[] = [
  p("Save", "저장", "保存"), p("Continue", "계속", "继续"), p("Confirm", "확인", "确认"), p("Add", "추가", "添加"),
  p("Connect", "연결", "连接"), p("Export", "내보내기", "导出"), p("Send", "보내기", "发送"), p("Done", "완료", "完成"),
  p("Apply", "적용", "应用"), p("Edit", "편집", "编辑"),
];

export const CUSTOMERS: readonly string[] = [
  "Brightside Bakery", "Northwind Legal", "Harbor Dental", "Seoul Design Lab", "Blue Fern Studio", "Kestrel Logistics",
  "Maple & Oak", "Juniper Health", "Atlas Robotics", "Copper Kettle Cafe", "Orchid Travel", "Pinecrest Realty",
  "Sunwave Solar", "Riverstone Accounting", "Hanul Foods", "Jade Garden Tea", "Nimbus Analytics", "Lighthouse Tutors",
  "Redwood Builders", "Silverline Fitness",
];
