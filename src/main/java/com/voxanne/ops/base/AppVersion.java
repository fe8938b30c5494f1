package com.voxanne.ops.base;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
public final class AppVersion implements IVersionProvider {

    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Voxanne Ops Console " + current()};
    }
}
