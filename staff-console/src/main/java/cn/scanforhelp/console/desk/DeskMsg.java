package cn.scanforhelp.console.desk;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The operator's desk's texts, Chinese by default; English in {@code messages/desk_en.properties}. */
@MessageBundle(value = "desk", locale = "zh-CN")
public interface DeskMsg {

    @Message("热线接线台") String title();
    @Message("记录来电") String callForm();
    @Message("来电号码") String callerPhone();
    @Message("手机或座机（如 0938-2731001）；输入后右侧立即显示该号码以往的来电和申请") String callerPhoneHint();
    @Message("所涉镇（街道）") String township();
    @Message("请选择") String choose();
    @Message("来电结果") String outcome();
    @Message("{#when o}{#is 'QUESTION'}咨询{#is 'APPLICATION'}代为申请{#is 'STATUS'}查询进度{#is 'COMPLAINT'}投诉{#is 'OTHER_DEPARTMENT'}其他部门事项{#else}{o}{/when}")
    String outcomeName(String o);
    @Message("快捷键：Alt+1 咨询，Alt+2 代为申请，Alt+3 查询进度，Alt+4 投诉，Alt+5 其他部门事项（Firefox 为 Alt+Shift+数字）；Tab 到下一项，方向键选择，Enter 保存。")
    String shortcuts();
    @Message("答复口径（咨询）") String cannedAnswer();
    @Message("不使用口径") String noCannedAnswer();
    @Message("记录") String notes();
    @Message("投诉和其他部门事项会生成跟进事项，须有人办结。") String notesHint();
    @Message("代为申请") String applicationLegend();
    @Message("仅在来电结果为“代为申请”时填写。") String applicationHint();
    @Message("申请人姓名") String name();
    @Message("身份证号") String idNumber();
    @Message("接收短信的手机号") String smsPhone();
    @Message("来电是手机时可不填（使用来电号码）；座机来电可留下手机号，没有手机的可不填：乡镇将电话回复。") String smsPhoneHint();
    @Message("困难情况") String difficulty();
    @Message("{#when d}{#is 'ILLNESS'}生病{#is 'DISABILITY'}残疾{#is 'DISASTER'}受灾{#is 'SCHOOLING'}上学困难{#is 'UNEMPLOYMENT'}失业{#is 'ELDERLY_ALONE'}独居老人{#is 'HOUSING'}住房困难{#is 'OTHER'}其他{#else}{d}{/when}")
    String difficultyName(String d);
    @Message("情况说明") String description();
    @Message("请向来电人宣读：") String readAloud();
    @Message("您提供的姓名、身份证号、电话和家庭情况，只用于办理这次社会救助申请，由镇（街道）和区民政部门工作人员查看，加密保存，不会公开，也不会用于其他用途。您同意吗？")
    String consentText();
    @Message("来电人已在电话中同意（由本人记录）") String consentGiven();
    @Message("健康、残疾、收入等敏感信息：来电人已在电话中单独同意") String sensitiveConsentGiven();
    @Message("保存来电（Enter）") String save();
    @Message("提交前请更正以下问题：") String errorSummary();
    @Message("已保存。") String saved();
    @Message("已保存，受理编号 {tracking}。请告诉来电人。") String savedApplication(String tracking);
    @Message("草稿已自动保存") String draftKept();
    @Message("已恢复上次未保存的来电（{when}）。") String draftRestored(String when);
    @Message("该号码的以往记录") String history();
    @Message("输入来电号码后显示。") String historyEmpty();
    @Message("该号码没有以往的来电或申请。") String historyNone();
    @Message("申请") String applications();
    @Message("来电") String calls();
    @Message("受理编号") String tracking();
    @Message("申请人") String applicant();
    @Message("状态") String status();
    @Message("下一期限") String nextDeadline();
    @Message("渠道") String channel();
    @Message("时间") String time();
    @Message("结果") String result();
    @Message("注意：该身份证号已有未办结的案件") String duplicateTitle();
    @Message("请告诉来电人已有申请在办，不必重复申请。如仍需另行申请，请勾选下面一项后再保存。") String duplicateHint();
    @Message("已告知来电人已有案件，仍要保存") String duplicateAck();
    @Message("今天我接听的来电") String today();
    @Message("今天还没有来电记录。") String todayNone();
    @Message("待办结的跟进事项") String followUps();
    @Message("没有待办结的跟进事项。") String followUpsNone();
    @Message("办理结果") String closeResult();
    @Message("办结") String close();
    @Message("跟进事项已办结。") String closed();
    @Message("{#when s}{#is 'RECEIVED'}已收到{#is 'ACCEPTED'}已受理{#is 'MATERIALS_REQUESTED'}需补充材料{#is 'INVESTIGATION'}调查中{#is 'REVIEW'}审核中{#is 'PUBLIC_NOTICE'}公示中{#is 'APPROVED'}已批准{#is 'REJECTED'}未批准{#is 'NOT_ACCEPTED'}不予受理{#is 'REFERRED'}已转办{#is 'WITHDRAWN'}已撤回{#is 'CLOSED'}已结案{#else}{s}{/when}")
    String statusName(String s);
    @Message("答复口径维护") String answersTitle();
    @Message("标题") String answerTitle();
    @Message("答复内容") String answerBody();
    @Message("停用") String answerRetired();
    @Message("新增口径") String answerAdd();
    @Message("保存修改") String answerSave();
    @Message("已保存。") String answerSaved();
}
