# Re-saves the weights pack's decision tables with openpyxl (3.1.5), as a rule author editing them in Python would:
# openpyxl drops blank cells, including those of merged regions. Run from the project root:
#   python3 src/test/resources/openpyxl/make.py
# resaved/ holds the tables unchanged in content; bad-date/carrier-limits.xlsx has E13 set to 2026-13-45.
import glob, os, openpyxl
here = os.path.dirname(__file__)
for name in sorted(glob.glob('rules/weights/tables/*.xlsx')):
    wb = openpyxl.load_workbook(name)
    os.makedirs(os.path.join(here, 'resaved'), exist_ok=True)
    wb.save(os.path.join(here, 'resaved', os.path.basename(name)))
wb = openpyxl.load_workbook('rules/weights/tables/carrier-limits.xlsx')
wb.active['E13'] = '2026-13-45'
os.makedirs(os.path.join(here, 'bad-date'), exist_ok=True)
wb.save(os.path.join(here, 'bad-date', 'carrier-limits.xlsx'))
