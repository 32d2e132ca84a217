package cn.scanforhelp.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console, Chinese by default; English in {@code messages/msg_en.properties}. Labels of
 * the procedure (actions, states, case types, fields) are not here: they come from case-service with the
 * table itself.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    @Message("zh-CN") String lang();
    @Message("有困难、扫一扫 · 工作台") String appTitle();
    @Message("跳到主要内容") String skipLink();
    @Message("主导航") String navLabel();
    @Message("案件队列") String navQueue();
    @Message("监管看板") String navDashboard();
    @Message("节假日安排") String navCalendar();
    @Message("表单已失效，未作任何更改。请返回、刷新页面后再提交。") String formExpired();
    @Message("退出登录") String signOut();
    @Message("当前用户：{user}") String signedInAs(String user);
    @Message("English") String otherLanguage();
    @Message("无短信：请电话回复") String noSmsCallBack();
    @Message("en") String otherLanguageTag();
    @Message("大字模式") String largeTextOn();
    @Message("标准字号") String largeTextOff();

    // queue
    @Message("案件队列") String queueTitle();
    @Message("按期限状态统计") String countersLabel();
    @Message("{#when state}{#is 'ON_TRACK'}正常{#is 'AT_RISK'}临近期限{#is 'OVERDUE'}已超期{#is 'PAUSED'}已暂停{#is 'MET'}按时完成{#is 'MISSED'}超期完成{#else}无进行中的期限{/when}")
    String deadlineState(String state);
    @Message("{#when channel}{#is 'QR'}扫码申请{#is 'HOTLINE'}热线{#is 'MONITORING'}监测预警{#is 'WINDOW'}窗口受理{#else}{channel}{/when}")
    String channel(String channel);
    @Message("筛选") String filters();
    @Message("状态") String filterStatus();
    @Message("救助类型") String filterType();
    @Message("渠道") String filterChannel();
    @Message("期限状态") String filterDeadline();
    @Message("上报区级") String filterEscalated();
    @Message("区划代码（乡镇）") String filterDivision();
    @Message("搜索：受理编号、完整姓名或村") String filterText();
    @Message("全部") String any();
    @Message("是") String yes();
    @Message("否") String no();
    @Message("筛选") String apply();
    @Message("清除筛选") String reset();
    @Message("受理编号") String colTracking();
    @Message("申请人") String colApplicant();
    @Message("村") String colVillage();
    @Message("类型") String colType();
    @Message("状态") String colStatus();
    @Message("收到时间") String colReceived();
    @Message("下一期限") String colDeadline();
    @Message("剩余") String colDaysLeft();
    @Message("急") String urgent();
    @Message("已上报区级") String escalated();
    @Message("没有符合条件的案件。") String queueEmpty();
    @Message("共 {n} 件") String total(long n);
    @Message("超过 {n} 件") String totalCapped(long n);
    @Message("上一页") String previous();
    @Message("下一页") String next();
    @Message("第 {page} 页，共 {pages} 页") String pageOf(int page, long pages);
    @Message("分页") String paging();
    @Message("{#if overdue}超期 {n} 个工作日{#else}{n} 个工作日{/if}") String workingDays(int n, boolean overdue);
    @Message("案件列表每 {s} 秒自动更新") String liveHint(int s);
    @Message("筛选条件无效：{name}") String badFilter(String name);

    // case page
    @Message("案件 {tracking}") String caseTitle(String tracking);
    @Message("基本信息") String basics();
    @Message("申请人") String applicant();
    @Message("身份证号") String idNumber();
    @Message("电话") String phone();
    @Message("乡镇") String township();
    @Message("村") String village();
    @Message("渠道") String channelLabel();
    @Message("窗口受理（{clerk}）：{#if inPerson}本人到场{#else}他人代办{/if}，{#if idSeen}已查验身份证{#else}未查验身份证{/if}；已收材料：{materials}")
    String counter(String clerk, boolean inPerson, boolean idSeen, String materials);
    @Message("救助类型") String typeLabel();
    @Message("状态") String statusLabel();
    @Message("收到时间") String receivedAt();
    @Message("困难描述") String description();
    @Message("家庭人口") String householdSize();
    @Message("查看完整个人信息") String revealTitle();
    @Message("查看理由（必填，记入审计日志）") String revealReason();
    @Message("查看") String revealSubmit();
    @Message("完整信息只显示在本页，本次查看及理由已记入审计日志。") String revealedNote();
    @Message("办理记录") String timeline();
    @Message("尚无办理记录") String timelineEmpty();
    @Message("法定期限") String deadlines();
    @Message("{#when kind}{#is 'ACCEPTANCE'}受理期限{#is 'DECISION'}办理期限{#is 'EMERGENCY_AID'}先行救助期限{#is 'PUBLIC_NOTICE'}公示期（自然日）{#else}{kind}{/when}")
    String deadlineKind(String kind);
    @Message("期限") String deadlineKindCol();
    @Message("起算日") String startedOn();
    @Message("截止日期") String dueOn();
    @Message("情况") String deadlineStateCol();
    @Message("已暂停，恢复后剩余 {n} 个工作日") String pausedLeft(int n);
    @Message("日历缺少该年份，仅按周末计算，请联系管理员导入节假日") String calendarIncomplete();
    @Message("家庭情况") String household();
    @Message("尚未录入家庭成员。") String householdNone();
    @Message("家庭人均月收入") String perCapita();
    @Message("当地低保标准（{year} 年）") String standard(int year);
    @Message("仅供参考的提示，不是审核结论") String hintLabel();
    @Message("{#if below}人均收入低于当地低保标准{#else}人均收入不低于当地低保标准{/if}") String hintResult(boolean below);
    @Message("未设置当地低保标准") String noStandard();
    @Message("{amount} 元") String yuan(Object amount);
    @Message("申请记录") String applications();
    @Message("重复申请") String duplicate();
    @Message("可办理事项") String actions();
    @Message("当前没有可办理的事项。") String noActions();
    @Message("办理人") String actor();
    @Message("时间") String at();
    @Message("备注") String noteLabel();
    @Message("已办理：{action}") String done(String action);
    @Message("该案件刚被他人修改，您的操作未提交。下面是最新的案件信息，请确认后重新办理。") String conflict412();
    @Message("操作未完成") String refused();
    @Message("提交") String submit();
    @Message("返回案件") String backToCase();
    @Message("必填") String required();
    @Message("办理后：{to}") String leadsTo(String to);
    @Message("对期限的影响：{clocks}") String clockEffects(String clocks);
    @Message("{#when effect}{#is 'START'}开始{#is 'PAUSE'}暂停{#is 'RESUME'}恢复{#is 'STOP'}停止{#is 'EXTEND'}延长{#else}{effect}{/when}")
    String clockEffect(String effect);
    @Message("每行一项，一次告知全部所缺材料") String materialsHint();
    @Message("常见材料（勾选所缺的）") String usualMaterials();
    @Message("其他材料（每行一项）") String otherMaterials();
    @Message("请检查以下内容") String errorSummary();

    // referral (转办)
    @Message("转办") String referral();
    @Message("承办部门") String referralDepartment();
    @Message("转办时间") String referredAt();
    @Message("办理情况") String referralStateLabel();
    @Message("{#if answered}部门已答复{#else}等待部门办理结果{/if}") String referralState(boolean answered);
    @Message("部门答复") String referralOutcome();
    @Message("答复记录时间") String referralAnsweredAt();
    @Message("本案未转办其他部门。") String referralNone();
    @Message("一次性告知补充材料") String materialsTitle();
    @Message("告知时间") String materialsRequestedAt();
    @Message("要求补充的材料") String materialsItems();
    @Message("受理时限") String materialsClockLabel();
    @Message("暂停中：申请人补齐材料后恢复计时") String materialsClockPaused();
    @Message("材料已补齐，{at} 恢复计时") String materialsClockResumed(String at);

    // SMS to the applicant (from notification-service)
    @Message("发给申请人的短信") String sms();
    @Message("本案尚未发送短信。") String smsNone();
    @Message("短信状态暂时无法获取（短信服务未响应），不影响办理。") String smsUnavailable();
    @Message("事由") String smsEvent();
    @Message("时间") String smsTime();
    @Message("状态") String smsStatus();
    @Message("回执") String smsReceipt();
    @Message("条数") String smsParts();
    @Message("内容") String smsText();
    @Message("{#when type}{#is 'RECEIVED'}申请已收到{#is 'ACCEPTED'}已受理{#is 'MATERIALS_REQUESTED'}一次性告知补充材料{#is 'NOT_ACCEPTED'}不予受理{#is 'EXTENDED'}延长期限{#is 'PUBLIC_NOTICE'}公示{#is 'APPROVED'}已批准{#is 'REJECTED'}不予批准{#is 'EMERGENCY_AID'}先行救助{#is 'REFERRED'}转办{#is 'CLOSED'}已办结{#is 'WITHDRAWN'}已撤回{#is 'OBJECTION_RECORDED'}公示异议{#else}{type}{/when}")
    String smsEventType(String type);
    @Message("{#when status}{#is 'PENDING'}等待发送{#is 'SUBMITTING'}发送中{#is 'SENT'}已发出{#is 'DELIVERED'}已送达{#is 'UNDELIVERABLE'}无法送达{#is 'EXPIRED'}已过期未送达{#is 'FAILED'}发送失败{#is 'UNKNOWN'}发送结果不明{#else}{status}{/when}")
    String smsStatusLabel(String status);
    @Message("{#when state}{#is 'DELIVRD'}已送达手机{#is 'UNDELIV'}无法送达{#is 'REJECTD'}被拒收{#is 'DELETED'}已被删除{#is 'EXPIRED'}超时未送达{#is 'ACCEPTD'}已接收{#is 'UNKNOWN'}未知{#else}{state}{/when}")
    String smsReceiptState(String state);
    @Message("尚无回执") String smsNoReceipt();

    // a form sent after the session ended
    @Message("登录已过期。重新登录后，已恢复您填写的内容，尚未提交：请核对后再按“提交”。") String draftRestored();

    // documents
    @Message("文书") String documents();
    @Message("受理通知书") String docAcceptance();
    @Message("一次性告知书") String docMaterials();
    @Message("{#if notAccepted}不予受理通知书{#else}不予批准通知书{/if}") String docRefusal(boolean notAccepted);
    @Message("本村公示名单") String docPublicNotice();
    @Message("（PDF，在新窗口打开）") String pdfHint();
    @Message("该案件目前还没有这份文书。") String documentNotYet();

    // errors and sign-out
    @Message("出错了") String errorTitle();
    @Message("案件服务暂时不可用，请稍后再试。您填写的内容没有提交。") String serviceUnavailable();
    @Message("没有找到该案件，或该案件不在您的辖区内。") String notFound();
    @Message("您的账号没有使用审核工作台的角色（乡镇审核员或区级民政干部）。") String forbiddenRole();
    @Message("监管看板仅供区级（或市级）民政干部使用。") String forbiddenDashboard();
    @Message("案件抽查仅供区级（或市级）民政干部使用。") String forbiddenSampling();
    @Message("页面出错，已记录。请返回重试；如多次出现，请联系管理员。") String internalError();
    @Message("返回案件队列") String backToQueue();
    @Message("您已退出登录") String signedOut();
    @Message("重新登录") String signInAgain();

    // duplicate link confirmation (case-service's confirm-link)
    @Message("待确认") String linkAwaitingConfirmation();
    @Message("已确认") String linkConfirmed();
    @Message("身份证号相同的重复申请。请先核实（如拨打案件登记的电话）确为本人，再确认关联；确认后该申请可查询到案件进度。")
    String confirmLinkHint();
    @Message("确认关联 {trackingNumber}") String confirmLink(String trackingNumber);
    @Message("已确认关联：该申请现在可以查询到案件进度。") String linkConfirmedNotice();
    // the error id of a failed page, as in the log
    @Message("错误编号：{id}") String errorId(String id);

    // the investigation record's page (入户调查记录)
    @Message("入户调查记录") String invTitle();
    @Message("返回案件") String invBackToCase();
    @Message("入户调查记录") String invLink();
    @Message("最近一次记录") String invLatest();
    @Message("尚无入户调查记录。完成调查前须录入。") String invNone();
    @Message("调查人员") String invInvestigators();
    @Message("入户日期") String invVisitDate();
    @Message("家庭成员核实") String invHousehold();
    @Message("与登记一致（{members} 人）") String invHouseholdYes(int members);
    @Message("与登记不一致或未登记") String invHouseholdNo();
    @Message("说明") String invHouseholdNote();
    @Message("家庭月收入（元/月）") String invIncome();
    @Message("工资性收入") String invWage();
    @Message("经营净收入") String invNetBusiness();
    @Message("财产净收入") String invNetProperty();
    @Message("转移净收入") String invNetTransfer();
    @Message("合计") String invTotal();
    @Message("财产情况") String invAssets();
    @Message("调查结论") String invFindings();
    @Message("附件") String invAttachments();
    @Message("{count} 个附件") String invAttachmentCount(int count);
    @Message("由 {user} 于 {at} 录入，本案共 {records} 份记录") String invRecordedBy(String user, String at, int records);
    @Message("录入入户调查") String invFormTitle();
    @Message("至少两名不同的调查人员，可以包括您本人。参与调查的人员不能审批本案（双人复核）。") String invFormHint();
    @Message("调查人员 {n}：账号") String invInvestigatorUser(int n);
    @Message("调查人员 {n}：姓名") String invInvestigatorName(int n);
    @Message("（选填）") String invOptional();
    @Message("家庭成员与登记一致") String invConfirmedYes();
    @Message("不一致或尚未登记") String invConfirmedNo();
    @Message("收入按月计，单位：元") String invIncomeHint();
    @Message("保存调查记录") String invSubmit();
    @Message("入户调查记录已保存。") String invSaved();
    @Message("请输入不小于 0 的金额") String invAmountInvalid();
    @Message("案件不在调查阶段，不能录入。") String invNotOpen();
    @Message("请检查以下内容：") String invErrorSummary();

    // referrals as tasks (转办任务)
    @Message("转办任务") String referralTasks();
    @Message("转办部门") String referralTaskDepartment();
    @Message("转办日期") String referralSentOn();
    @Message("办理期限") String referralDueOn();
    @Message("状态") String referralTaskState();
    @Message("{#when state}{#is 'SENT'}已转办{#is 'ACKNOWLEDGED'}已签收{#is 'DONE'}已办结{#is 'OVERDUE'}已超期{#else}{state}{/when}")
    String referralTaskStateLabel(String state);
    @Message("部门答复") String referralTaskAnswer();
    @Message("操作") String referralTaskActions();
    @Message("尚无转办任务。") String referralTasksNone();
    @Message("再转办一个部门") String referralAddTitle();
    @Message("部门名称") String referralAddDepartment();
    @Message("转办") String referralAddSubmit();
    @Message("记录已签收") String referralAcknowledge();
    @Message("记录 {department} 已签收") String referralAcknowledgeLabel(String department);
    @Message("{department} 的办理结果") String referralDoneLabel(String department);
    @Message("记录办结") String referralDone();
    @Message("已转办并开始计时。") String referralAdded();
    @Message("已记录部门签收。") String referralAcknowledged();
    @Message("已记录部门办结。") String referralCompleted();

    // the amount an approval grants (补差)
    @Message("审批金额") String amountTitle();
    @Message("当地标准（{year} 年，每月）") String amountStandard(Object year);
    @Message("特困人员基本生活标准（{year} 年，每月）") String amountSupportStandard(Object year);
    @Message("家庭人口") String amountHouseholdSize();
    @Message("家庭人均月收入") String amountPerCapita();
    @Message("计算所得每月金额") String amountComputed();
    @Message("每月金额（元）") String amountField();
    @Message("已按计算结果预填；如需调整，请在下方说明理由") String amountFieldHint();
    @Message("金额与计算结果不同的理由") String amountReasonField();
    @Message("金额暂时无法获取，审批时由系统按规定计算。") String amountUnavailable();

    // the SMS preview (what the resident will read)
    @Message("短信预览") String smsPreviewTitle();
    @Message("预览短信") String smsPreviewButton();
    @Message("办理后申请人将收到以下短信（{parts} 条）：") String smsPreviewLead(int parts);
    @Message("修改内容后按“预览短信”查看申请人将收到的短信。") String smsPreviewHint();
    @Message("短信预览暂时无法获取，不影响办理。") String smsPreviewUnavailable();
    @Message("短信无法生成：{message}") String smsPreviewRefused(String message);

    @Message("填好必填项后，这里显示申请人将收到的短信。") String smsPreviewAwaitsFields();
    @Message("申请人未留手机号，此步骤不发短信：请电话告知申请人。") String smsPreviewNoPhone();

    // objections filed during the public notice (公示异议)
    @Message("公示异议") String objections();
    @Message("公示期间未收到异议。") String objectionsNone();
    @Message("提出时间") String objectionReceivedAt();
    @Message("异议内容") String objectionText();
    @Message("处理结果") String objectionOutcome();
    @Message("{#when outcome}{#is 'REINVESTIGATION'}已退回重新调查{#is 'KEPT'}案件已离开公示，随案保存{#else}—{/when}")
    String objectionOutcomeLabel(String outcome);
    @Message("异议暂时无法获取。") String objectionsUnavailable();

    // transfer (移交): the townships of the county
    @Message("{name}（{code}）") String townshipOption(String name, String code);
    @Message("乡镇名单暂时无法获取，请直接输入 9 位区划代码。") String townshipsUnavailable();

    // the district officer's dashboard
    @Message("监管看板") String dashTitle();
    @Message("各乡镇的案件期限、按时办结率、申请渠道和群众满意度。每个数字都链接到案件队列中对应的案件。") String dashIntro();
    @Message("各乡镇临近期限和已超期的案件") String dashDeadlines();
    @Message("未办结案件按期限状态统计，按乡镇") String dashDeadlinesCaption();
    @Message("乡镇") String dashTownship();
    @Message("已办结") String dashDecided();
    @Message("按时办结率") String dashOnTime();
    @Message("辖区内暂无案件。") String dashNoCases();
    @Message("合计") String allTownships();
    @Message("各渠道每周申请量") String dashChannels();
    @Message("最近 8 周收到的申请，按渠道（每周从周一起）") String dashChannelsCaption();
    @Message("{week} 起") String dashWeekOf(String week);
    @Message("合计") String dashSum();
    @Message("合计链接到该渠道的案件队列；队列暂不能按收件周筛选。") String dashChannelsHint();
    @Message("群众满意度") String dashRatings();
    @Message("各乡镇、各救助类型的满意度评价（1–5 分）") String dashRatingsCaption();
    @Message("评价数") String dashRatingCount();
    @Message("平均分") String dashRatingAverage();
    @Message("满意（4–5 分）") String dashSatisfied();
    @Message("不满意（1–2 分）") String dashDissatisfied();
    @Message("尚无满意度评价。") String dashNoRatings();
    @Message("期限最紧的未办结案件") String dashOldest();
    @Message("按最近的法定期限排序，超期最久的在前（队列中共 {total} 件）") String dashOldestCaption(long total);
    @Message("在案件队列中查看全部") String dashAllInQueue();

    // the district officer's SMS that went wrong (notification-service's problems)
    @Message("异常短信") String navSmsProblems();
    @Message("异常短信仅供区级（或市级）民政干部使用。") String forbiddenSmsProblems();
    // the audit search (/audit) and the queue's export
    @Message("审计查询") String navAudit();
    @Message("审计日志查询") String auditTitle();
    @Message("谁在何时查看或办理了哪个案件、查看了哪些完整个人信息及理由。仅显示您所辖区划内的记录；记录中不含个人信息。") String auditIntro();
    @Message("人员（用户名）") String auditActor();
    @Message("受理编号") String auditTracking();
    @Message("操作类型") String auditAction();
    @Message("全部") String auditAnyAction();
    @Message("起始日期") String auditFrom();
    @Message("截止日期") String auditTo();
    @Message("审计记录，最新的在前") String auditCaption();
    @Message("时间") String auditColWhen();
    @Message("人员") String auditColWho();
    @Message("角色") String auditColRole();
    @Message("操作") String auditColWhat();
    @Message("案件") String auditColCase();
    @Message("查看理由") String auditColReason();
    @Message("没有符合条件的审计记录。") String auditEmpty();
    @Message("{#when a}{#is 'READ'}查看案件{#is 'REVEAL'}查看完整个人信息{#is 'REVEAL_REFUSED'}超出每日上限，查看被拒{#is 'ACTION'}办理操作{#is 'LIST'}查看案件队列{#is 'EXPORT'}导出案件清单{#is 'RECEIVE'}接收申请{#is 'LINK_DUPLICATE'}关联重复申请{#is 'CONFIRM_LINK'}确认关联申请{#is 'TRANSFER_OUT'}转出案件{#is 'READ_HOUSEHOLD'}查看家庭情况{#is 'RECORD_HOUSEHOLD'}登记家庭情况{#is 'READ_AMOUNT'}查看救助金额{#is 'RECORD_INVESTIGATION'}登记入户调查{#is 'READ_INVESTIGATION'}查看入户调查{#is 'ADD_ATTACHMENT'}上传调查附件{#is 'READ_ATTACHMENT'}查看调查附件{#is 'ATTACHMENT_REFUSED'}调查附件被拒收{#is 'READ_OBJECTIONS'}查看公示异议{#is 'LATE_OBJECTION'}逾期公示异议{#is 'COMPLETE_REFERRAL'}转办完成{#is 'CHECK_OPEN_CASES'}查询在办案件{#is 'SATISFACTION'}满意度评价{#else}{a}{/when}") String auditActionName(String a);
    @Message("{#when r}{#is 'hotline-operator'}热线接线员{#is 'township-reviewer'}乡镇审核人员{#is 'window-clerk'}窗口受理人员{#is 'district-officer'}区级民政干部{#is 'admin'}系统管理员{#is 'auditor'}审计人员{#else}{r}{/when}") String roleName(String r);
    @Message("导出 Excel") String exportXlsx();
    @Message("导出 CSV") String exportCsv();
    @Message("按当前筛选条件导出，最多 10000 件，姓名已脱敏；导出将被记录。") String exportHint();
}
