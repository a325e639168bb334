<?php
$n = $_POST['count'];
printf("<span>%s items</span>", $n);
