package cn.scanforhelp.intake.division;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Division", description = "A statistical division with its public assistance hotlines")
public record DivisionView(
        @Schema(example = "620503114", pattern = "^[0-9]{2,12}$", maxLength = 12) String code,
        @Schema(example = "利桥镇", maxLength = 100) String name,
        @Schema(example = "township", maxLength = 16,
                enumeration = {"province", "city", "county", "subdistrict", "township", "zone", "village"}) String level,
        @Schema(example = "620503", maxLength = 12) String parentCode,
        @Schema(type = SchemaType.ARRAY, implementation = HotlineNumber.class, maxItems = 10) List<String> hotlines,
        boolean active) {

    static DivisionView of(Division d) {
        return new DivisionView(d.code, d.name, d.level, d.parentCode, d.hotlineList(), d.active);
    }
}
