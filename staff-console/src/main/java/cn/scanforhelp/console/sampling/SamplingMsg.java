package cn.scanforhelp.console.sampling;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The sampling check's texts (抽查), Chinese by default; English in {@code messages/smp_en.properties}. */
@MessageBundle(value = "smp", locale = "zh-CN")
public interface SamplingMsg {

    @Message("抽查") String nav();
    @Message("案件抽查") String title();
    @Message("从乡镇（街道）在一段时间内作出批准或不批准决定的案件中，按救助类别随机抽取一定比例（每类至少一件），逐件核查并记录结果。抽取由案件服务完成并留存随机种子，可复现。")
    String lead();
    @Message("请修改以下问题后再提交") String errorSummary();
    @Message("新的抽查") String drawLegend();
    @Message("乡镇（街道）") String township();
    @Message("决定日期自") String from();
    @Message("决定日期至") String to();
    @Message("日期格式：2026-11-30；期间最长 366 天") String periodHint();
    @Message("随机抽取") String drawButton();
    @Message("抽查记录") String listTitle();
    @Message("最近 100 次抽查，最新的在前") String listCaption();
    @Message("还没有抽查记录。") String noSamplings();
    @Message("决定期间") String period();
    @Message("{from} 至 {to}") String periodValue(String from, String to);
    @Message("抽取人") String drawnBy();
    @Message("抽取时间") String drawnAt();
    @Message("抽取件数") String sampled();
    @Message("已核查") String checked();
    @Message("发现问题") String problems();
    @Message("抽查统计") String statsTitle();
    @Message("按乡镇（街道）和救助类别统计的全部抽查") String statsCaption();
    @Message("救助类别") String type();
    @Message("还没有抽查统计。") String noStats();
    @Message("{township}的抽查") String samplingTitle(String township);
    @Message("决定日期 {from} 至 {to}；{who} 于 {when} 抽取。") String samplingMeta(String from, String to, String who, String when);
    @Message("各类别抽取情况") String strataCaption();
    @Message("期间内已决定") String population();
    @Message("抽取比例") String share();
    @Message("抽中") String drawn();
    @Message("抽中的案件") String casesTitle();
    @Message("受理编号") String tracking();
    @Message("决定") String decision();
    @Message("决定日期") String decidedOn();
    @Message("申请人") String applicant();
    @Message("村（社区）") String village();
    @Message("核查结果") String outcomeLabel();
    @Message("{#when o}{#is 'CONFIRMED'}核查无误{#is 'PROBLEM_FOUND'}发现问题{#else}未核查{/when}") String outcome(String o);
    @Message("{who}，{when}") String checkedByAt(String who, String when);
    @Message("核查 {tracking} 的结果") String checkLegend(String tracking);
    @Message("说明") String note();
    @Message("发现问题时必填，最多 500 字") String noteHint();
    @Message("记录核查结果") String checkButton();
    @Message("请选择核查结果") String outcomeRequired();
    @Message("已抽取 {n} 件案件。") String drawnNotice(int n);
    @Message("已记录 {tracking} 的核查结果。") String checkedNotice(String tracking);
    @Message("返回抽查记录") String back();
    @Message("该抽查没有抽中案件。") String noCases();
}
