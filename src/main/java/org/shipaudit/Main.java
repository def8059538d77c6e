package org.shipaudit;
public final class Main { public static void main(String[] a) {} }
