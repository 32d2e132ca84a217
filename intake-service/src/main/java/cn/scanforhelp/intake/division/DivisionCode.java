package cn.scanforhelp.intake.division;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Only documents the items of division-code lists in the OpenAPI document (they are plain strings). */
@Schema(name = "DivisionCode", type = SchemaType.STRING, maxLength = 12, pattern = "^[0-9]{2,12}$", example = "620503")
public final class DivisionCode {
    private DivisionCode() {
    }
}
