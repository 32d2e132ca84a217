package cn.scanforhelp.console.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin's pages' texts (节假日安排), Chinese by default; English in {@code messages/admin_en.properties}. A bundle
 * of its own, as the window's, the desk's and the posters' are: Quarkus 3.33 generates invalid bytecode for a bundle
 * of more than 300 messages (quarkusio/quarkus#55584), so {@code Msg} keeps the shared texts only.
 */
@MessageBundle(value = "admin", locale = "zh-CN")
public interface AdminMsg {

    @Message("节假日安排") String title();
    @Message("法定时限按工作日计算：周末休息，法定节假日休息，调休上班日上班。国务院办公厅每年 11 月前后公布下一年的安排，请在公布后上传。上传后，在办案件中跨入该年的时限会按新安排重新计算，并记入审计日志。") String intro();
    @Message("已载入的年份") String years();
    @Message("年份") String year();
    @Message("状态") String state();
    @Message("放假日") String holidays();
    @Message("调休上班日") String workdays();
    @Message("已载入") String loadedState();
    @Message("未载入：只按周末计算") String missingState();
    @Message("上传一年的安排") String upload();
    @Message("CSV 文件") String file();
    @Message("每行一天：date,kind,name，例如 2027-10-01,holiday,国庆节；调休上班写 workday。第一行为列名。在 Excel 中另存为“CSV UTF-8”。同一年再次上传会整体替换。") String fileHint();
    @Message("上传并重新计算时限") String submit();
    @Message("文件未被接受，未作任何更改：") String refused();
    @Message("第 {line} 行：") String line(String line);
    @Message("已载入 {year} 年的安排：{days} 天；{moved} 个在办时限已重新计算。") String loaded(int year, int days, int moved);
    @Message("请选择今年前后的年份。") String yearInvalid();
    @Message("请选择要上传的 CSV 文件。") String fileMissing();
    @Message("文件超过 {kb} KB，不是一年的安排。") String fileTooBig(long kb);
    @Message("节假日安排暂时无法读取（案件服务无响应）。") String unavailable();
}
