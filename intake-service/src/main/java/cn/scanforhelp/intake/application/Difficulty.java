package cn.scanforhelp.intake.application;

/** What the resident says the difficulty is; the township reviewer classifies the assistance type. */
public enum Difficulty {
    ILLNESS, DISABILITY, DISASTER, SCHOOLING, UNEMPLOYMENT, ELDERLY_ALONE, HOUSING, OTHER
}
