import os
import pickle
import sys
import subprocess
