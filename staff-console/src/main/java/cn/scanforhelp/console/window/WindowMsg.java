package cn.scanforhelp.console.window;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The walk-in window's texts (一门受理), Chinese by default; English in {@code messages/win_en.properties}. */
@MessageBundle(value = "win", locale = "zh-CN")
public interface WindowMsg {

    @Message("窗口受理") String title();
    @Message("窗口受理") String nav();
    @Message("申请人到{township}窗口当面申请时，由您代为录入。与群众扫码填写的内容相同，另记录现场核验和已收材料。") String lead(String township);
    @Message("请修改以下问题后再提交") String errorSummary();
    @Message("（选填）") String optional();
    @Message("申请人") String applicantLegend();
    @Message("姓名") String name();
    @Message("身份证号") String idNumber();
    @Message("18 位，最后一位可能是 X") String idHint();
    @Message("手机号") String phone();
    @Message("办理进度会发短信到这个号码；申请人没有手机的留空，由乡镇电话告知") String phoneHint();
    @Message("所在村（社区）") String village();
    @Message("不清楚 / 不在列表中") String villageNone();
    @Message("困难情况") String situationLegend();
    @Message("主要困难") String difficulty();
    @Message("{#when d}{#is 'UNEMPLOYMENT'}没有工作或收入太低{#is 'ILLNESS'}因病，医疗费用高{#is 'DISABILITY'}残疾，无劳动能力{#is 'ELDERLY_ALONE'}年老独居，无人照顾{#is 'DISASTER'}遭灾或意外{#is 'SCHOOLING'}子女上学困难{#is 'HOUSING'}住房困难{#else}其他困难{/when}")
    String difficultyLabel(String d);
    @Message("家庭人口") String householdSize();
    @Message("情况说明") String description();
    @Message("情况紧急（如断粮、无取暖、有人住院）") String urgent();
    @Message("个人信息处理说明（请向申请人宣读或出示）") String privacyLegend();
    @Message("申请人的姓名、身份证号、手机号和家庭情况只用于办理本次社会救助申请，由镇（街道）和区民政部门工作人员查看，加密保存，不公开，不用于其他用途；应由其他部门办理的，转交该部门（转办）并短信告知。")
    String privacy();
    @Message("申请人已知悉上述说明并同意") String consent();
    @Message("申请人单独同意提供健康、残疾、收入等敏感个人信息（选择“因病”或“残疾”时必须）") String sensitiveConsent();
    @Message("窗口核验") String counterLegend();
    @Message("申请人本人到场") String inPerson();
    @Message("已查验身份证原件") String idSeen();
    @Message("窗口已收材料") String materialsLegend();
    @Message("已收材料会记入案件，审核人员发一次性告知时不再要求提供。") String materialsHint();
    @Message("其他已收材料（每行一项）") String otherMaterials();
    @Message("登记申请") String submit();
    @Message("已受理") String doneTitle();
    @Message("{township}窗口已受理这份申请。请打印受理回执交给申请人。") String doneLead(String township);
    @Message("这份申请刚才已经登记过，没有重复登记。") String replayed();
    @Message("受理编号") String tracking();
    @Message("受理时间") String submittedAt();
    @Message("已收材料") String received();
    @Message("无") String none();
    @Message("打印受理回执（PDF）") String printReceipt();
    @Message("登记下一位申请人") String next();
    @Message("请填写{field}") String required(String field);
    @Message("家庭人口请填 1 到 99 之间的数字") String householdInvalid();
}
