package cn.scanforhelp.console.posters;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The posters page's texts (二维码海报), Chinese by default; English in {@code messages/poster_en.properties}. */
@MessageBundle(value = "poster", locale = "zh-CN")
public interface PosterMsg {

    @Message("二维码海报") String title();
    @Message("二维码海报") String nav();
    @Message("“有困难 扫一扫”海报：群众扫码即可申请。这里新建、批量打印、停用海报，并查看每张海报的扫码和申请次数。") String lead();
    @Message("本乡镇的“有困难 扫一扫”海报及其扫码和申请次数；新建、批量打印和停用由区民政局办理。") String leadReviewer();
    @Message("请修改以下问题后再提交") String errorSummary();
    @Message("筛选") String filterLegend();
    @Message("乡镇或村") String filterDivision();
    @Message("全部") String any();
    @Message("状态") String filterActive();
    @Message("使用中") String active();
    @Message("已停用") String withdrawnState();
    @Message("筛选") String apply();
    @Message("清除筛选") String reset();
    @Message("新建海报") String createTitle();
    @Message("张贴地点（乡镇或村）") String createDivision();
    @Message("要给某个村新建海报，请先在上方筛选中选择它所在的乡镇。") String createVillageHint();
    @Message("{township}的村") String villagesOf(String township);
    @Message("乡镇（街道）") String townshipsGroup();
    @Message("张贴位置说明") String label();
    @Message("例如：便民服务大厅门口、村委会公告栏") String labelHint();
    @Message("新建") String create();
    @Message("批量打印：一个乡镇的所有村") String batchTitle();
    @Message("为所选乡镇的每个村各打印一张海报（A4，一村一页，合成一个 PDF）。已有相同张贴位置说明、仍在使用的海报会重复使用，不会重复登记。") String batchLead();
    @Message("乡镇（街道）") String batchTownship();
    @Message("村委会公告栏") String batchLabelDefault();
    @Message("打印 PDF") String batchSubmit();
    @Message("扫码和申请次数") String statsTitle();
    @Message("每张海报自张贴以来的扫码次数和通过海报提交的申请数") String statsCaption();
    @Message("海报列表") String listTitle();
    @Message("海报编号") String colCode();
    @Message("张贴地点") String colDivision();
    @Message("张贴位置") String colLabel();
    @Message("创建时间") String colCreated();
    @Message("停用时间") String colWithdrawn();
    @Message("扫码次数") String colScans();
    @Message("申请数") String colApplications();
    @Message("操作") String colActions();
    @Message("下载 PDF") String download();
    @Message("停用") String withdraw();
    @Message("没有符合条件的海报。") String empty();
    @Message("上一页") String previous();
    @Message("下一页") String next();
    @Message("已新建海报 {code}。") String created(String code);
    @Message("海报 {code} 已停用。扫描它仍会打开所在乡镇的申请表，但统计中标为已停用。") String withdrawn(String code);
    @Message("停用海报 {code}") String confirmTitle(String code);
    @Message("停用后，扫描这张海报仍会打开所在乡镇的申请表（不再预选村），统计中标为已停用。停用不能撤销：需要时请新建一张海报。") String confirmLead();
    @Message("确认停用") String confirm();
    @Message("返回海报列表") String back();
    @Message("由 {user} 于 {when} 创建") String createdBy(String user, String when);
}
