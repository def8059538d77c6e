/**
 * Reading carrier invoices from XLSX/CSV as a stream of normalised charge lines (generic, UPS and FedEx billing
 * profiles, saved column mappings) and retailer chargebacks files through the same file handling, and writing the audit's outputs: annotated workbook, disputes and findings files.
 * The only package that uses Apache POI.
 */
package org.shipaudit.sheets;
