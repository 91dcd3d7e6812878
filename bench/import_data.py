#!/usr/bin/env python3
"""Synthetic child rows for bench/import.sh (never real people): a township ledger's columns, villages of 石首市,
valid-checksum ID numbers. Writes CSV always and .xlsx (openpyxl write-only) when asked.
    python import_data.py N out.csv [out.xlsx]
Also: python import_data.py --read-xlsx FILE  (openpyxl read-only: prints rows and seconds)
"""
import csv
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "小子梓浩宇轩欣怡雨涵思博文嘉诗晨俊杰佳琪明辉晓雪婷丽芳华强伟军磊洋勇艳敏静秀兰英桂玲红梅"
HEADERS = ["序号", "姓名", "性别", "身份证号码", "出生日期", "村（社区）", "户口性质", "父亲姓名", "父亲情况", "父亲务工地", "母亲姓名", "母亲情况",
           "母亲务工地", "委托监护人姓名", "与儿童关系", "监护人健康状况", "监护人电话", "居住情况", "关爱需求", "是否寄宿"]


def villages():
    path = os.path.join(HERE, "..", "Sources", "GuanaiCore", "Resources", "divisions", "345-4210.json")
    data = json.load(open(path, encoding="utf-8"))
    out = []
    for town in data.get("421081", {}):
        for code, name in data.get(town, {}).items():
            out.append(name.replace("村委会", "村").replace("社区居委会", "社区"))
    return out


def ident(birth, seq):
    body = "421081" + birth + "%03d" % seq
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def rows(n):
    rnd = random.Random(2026)
    vs = villages()
    used = set()
    i = 0
    while i < n:
        y, m, d = rnd.randint(2011, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
        seq = rnd.randint(100, 999)
        birth = "%04d%02d%02d" % (y, m, d)
        if (birth, seq) in used:
            continue
        used.add((birth, seq))
        i += 1
        sex = "男" if seq % 2 else "女"
        sur = rnd.choice(SURNAMES)
        name = sur + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        yield [i, name, sex, ident(birth, seq), "%04d-%02d-%02d" % (y, m, d), rnd.choice(vs), "农业", sur + rnd.choice(GIVEN) + rnd.choice(GIVEN),
               "外出务工", "广东东莞", rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN), rnd.choice(["外出务工", "在家"]), "浙江宁波",
               sur + rnd.choice(GIVEN) + "兰", "奶奶", rnd.choice(["健康", "慢性病"]), "139%08d" % rnd.randint(0, 99999999), "与委托监护人同住",
               rnd.choice(["生活照顾", "学业帮助、亲情抚慰", ""]), rnd.choice(["是", "否"])]


def main():
    if sys.argv[1] == "--read-xlsx":
        import openpyxl
        t = time.time()
        wb = openpyxl.load_workbook(sys.argv[2], read_only=True)
        n = sum(1 for _ in wb.active.iter_rows(values_only=True))
        print(n, time.time() - t)
        return
    n, out_csv = int(sys.argv[1]), sys.argv[2]
    out_xlsx = sys.argv[3] if len(sys.argv) > 3 else None
    with open(out_csv, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        for r in rows(n):
            w.writerow(r)
    if out_xlsx:
        import openpyxl
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("留守儿童")
        ws.append(HEADERS)
        with open(out_csv, encoding="utf-8") as f:
            r = csv.reader(f)
            next(r)
            for row in r:
                ws.append(row)
        wb.save(out_xlsx)


if __name__ == "__main__":
    main()
