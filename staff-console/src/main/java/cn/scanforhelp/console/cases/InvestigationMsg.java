package cn.scanforhelp.console.cases;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The investigation page's texts, Chinese by default; English in {@code messages/inv_en.properties}. */
@MessageBundle(value = "inv", locale = "zh-CN")
public interface InvestigationMsg {

    @Message("入户调查记录") String title();
    @Message("返回案件") String backToCase();
    @Message("入户调查记录") String link();
    @Message("最近一次记录") String latest();
    @Message("尚无入户调查记录。完成调查前须录入。") String none();
    @Message("调查人员") String investigators();
    @Message("入户日期") String visitDate();
    @Message("家庭成员核实") String household();
    @Message("与登记一致（{members} 人）") String householdYes(int members);
    @Message("与登记不一致或未登记") String householdNo();
    @Message("说明") String householdNote();
    @Message("家庭月收入（元/月）") String income();
    @Message("工资性收入") String wage();
    @Message("经营净收入") String netBusiness();
    @Message("财产净收入") String netProperty();
    @Message("转移净收入") String netTransfer();
    @Message("合计") String total();
    @Message("财产情况") String assets();
    @Message("调查结论") String findings();
    @Message("附件") String attachments();
    @Message("{count} 个附件") String attachmentCount(int count);
    @Message("由 {user} 于 {at} 录入，本案共 {records} 份记录") String recordedBy(String user, String at, int records);
    @Message("录入入户调查") String formTitle();
    @Message("至少两名不同的调查人员，可以包括您本人。参与调查的人员不能审批本案（双人复核）。") String formHint();
    @Message("调查人员 {n}：账号") String investigatorUser(int n);
    @Message("调查人员 {n}：姓名") String investigatorName(int n);
    @Message("（选填）") String optional();
    @Message("家庭成员与登记一致") String confirmedYes();
    @Message("不一致或尚未登记") String confirmedNo();
    @Message("收入按月计，单位：元") String incomeHint();
    @Message("保存调查记录") String submit();
    @Message("入户调查记录已保存。") String saved();
    @Message("请输入不小于 0 的金额") String amountInvalid();
    @Message("案件不在调查阶段，不能录入。") String notOpen();
    @Message("请检查以下内容：") String errorSummary();
}
