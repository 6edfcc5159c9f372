"""Words spelt by a romanisation's rules: a Chinese name in Hanyu Pinyin ("Jiekeng", "Huangshe").

Why: a query that reads whole as pinyin syllables is the romanised name of a Chinese place more
often than a typo of another one. China has tens of thousands of towns and villages the index does
not carry, and their names lie an edit or two from carried ones (Jiekeng from Jieyang, Huangshe
from Huangshi): read as typos, they were wrong answers. Measured on 5,000 real villages the index
lacks (GeoNames cities500): 383 of 1,122 fuzzy answers were such names; of 8,542 typos answered
right, 3 spell pinyin.
"""

from __future__ import annotations

from typing import Final

__all__ = ["PINYIN_SYLLABLES", "pinyin_word"]

#: The syllables of Standard Mandarin in Hanyu Pinyin, without tone marks (ü written "v").
_SYLLABLES: Final = """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
    cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
    chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia
    dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo
    fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han
    hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie
    jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
    kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long
    lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
    mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan
    nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
    qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan
    rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi
    shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang
    tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo
    yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei
    zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun
    zuo"""
PINYIN_SYLLABLES: Final = frozenset(_SYLLABLES.split())
_LONGEST: Final = max(map(len, PINYIN_SYLLABLES))


def pinyin_word(key: str) -> bool:
    """Is ``key`` (a folded key: lower case, no marks) one word that reads whole as two pinyin
    syllables or more (at the fewest: "xian" is one)?

    >>> [pinyin_word(k) for k in ("jiekeng", "huangshe", "guangzhou", "paris", "jieyagn", "xian")]
    [True, True, True, False, False, False]
    """
    if not key.isascii() or not key.isalpha():
        return False
    n = len(key)
    fewest: list[int | None] = [0, *([None] * n)]  # the fewest syllables that read key[:i]
    for i in range(n):
        here = fewest[i]
        if here is None:
            continue
        for size in range(1, min(_LONGEST, n - i) + 1):
            if key[i : i + size] in PINYIN_SYLLABLES:
                there = fewest[i + size]
                fewest[i + size] = here + 1 if there is None else min(there, here + 1)
    last = fewest[n]
    return last is not None and last >= 2
